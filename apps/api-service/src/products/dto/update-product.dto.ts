import { PartialType } from '@nestjs/swagger';
import { CreateProductDto } from './create-product.dto.js';

/** PATCH: any subset of the fields, each validated as on create. */
export class UpdateProductDto extends PartialType(CreateProductDto) {}
