import { Injectable } from '@nestjs/common';
import type { ProductsQuery } from './dto/products-query.js';
import { compareVersions, pairStatus, type Comparison, type PairStatus } from './pair-status.js';
import { ProductRows, type SideRow } from './product-rows.js';

export interface ProductPair {
  id: string;
  status: PairStatus;
  source: SideRow | null;
  replica: SideRow | null;
}

export interface ProductPairPage {
  show: ProductsQuery['show'];
  page: number;
  pageSize: number;
  total: number;
  items: ProductPair[];
}

/** The side-by-side table, a page at a time; and the counts over all products. */
@Injectable()
export class ProductsService {
  constructor(private readonly rows: ProductRows) {}

  /** Counts per status over every product (ids and versions only, from both databases). */
  async comparison(): Promise<Comparison> {
    const [source, replica] = await Promise.all([this.rows.sourceVersions(), this.rows.replicaVersions()]);
    return compareVersions(source, replica);
  }

  async page({ show, page, pageSize, offset }: ProductsQuery): Promise<ProductPairPage> {
    if (show === 'differing') {
      const { differing } = await this.comparison();
      const ids = differing.slice(offset, offset + pageSize).map((d) => d.id);
      const [source, replica] = await Promise.all([this.rows.sourceRows(ids), this.rows.replicaRows(ids)]);
      return { show, page, pageSize, total: differing.length, items: pairs(ids, source, replica) };
    }
    const { rows: source, total } = await this.rows.sourcePage(pageSize, offset);
    const ids = source.map((row) => row.id);
    const replica = await this.rows.replicaRows(ids);
    return { show, page, pageSize, total, items: pairs(ids, source, replica) };
  }
}

/** The rows of both sides for `ids`, in that order, with each product's status. */
function pairs(ids: string[], source: SideRow[], replica: SideRow[]): ProductPair[] {
  const sourceById = new Map(source.map((row) => [row.id, row]));
  const replicaById = new Map(replica.map((row) => [row.id, row]));
  return ids.map((id) => {
    const s = sourceById.get(id) ?? null;
    const r = replicaById.get(id) ?? null;
    return { id, status: pairStatus(s, r, s?.sync?.rejectedVersion ?? null), source: s, replica: r };
  });
}
