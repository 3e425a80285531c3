import { CreateProductDto } from './create-product.dto.js';

/** PUT: every field again; an omitted description is cleared. */
export class ReplaceProductDto extends CreateProductDto {}
