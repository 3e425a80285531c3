import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, Matches } from 'class-validator';

export class ReplayDeadLettersDto {
  @ApiProperty({
    type: [String],
    example: ['0@3'],
    description: 'Dead letters as partition@offset (as `npm run dlq -- list` prints them).',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Matches(/^\d+@\d+$/, { each: true, message: 'each of $property must be partition@offset, e.g. 0@3' })
  ids!: string[];
}
