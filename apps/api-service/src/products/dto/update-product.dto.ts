import { PartialType } from '@nestjs/swagger';
import { CreateProductDto } from './create-product.dto.js';

/**
 * PATCH: any subset of the fields, each validated as on create. An explicit null is validated too
 * (only description may be null), instead of slipping past as "absent".
 */
export class UpdateProductDto extends PartialType(CreateProductDto, { skipNullProperties: false }) {}
