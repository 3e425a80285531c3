import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { ProductState } from '@nestjs-kafka-sync/contracts';
import { Prisma, type Product } from '../generated/prisma/client.js';
import { invalidField } from '@nestjs-kafka-sync/http-kit';
import { backoffDelay, isPrismaError, PRISMA, SQLSTATE, sqlStateOf } from '@nestjs-kafka-sync/service-kit';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventsConfig } from '../config/events.config.js';
import { ApiPool } from '../prisma/api-pool.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { readWithSync } from '../sync/read-with-sync.js';
import { syncOf, type ProductSync } from '../sync/sync-state.js';
import { SyncStateService } from '../sync/sync-state.service.js';
import type { CreateProductDto } from './dto/create-product.dto.js';
import type { ListProductsQuery } from './dto/list-products.query.js';
import type { ProductPageResponse, ProductResponse } from './dto/product.response.js';
import type { UpdateProductDto } from './dto/update-product.dto.js';
import { DatabaseUnavailable, ProductNotFound, SkuTaken, VersionConflict, WriteContention } from './product.errors.js';
import { classifyWriteFailure } from './write-failure.js';
import { insertCreated } from './insert-created.js';
import { MOVED, updateAtVersion } from './update-at-version.js';
import { toProductState } from './product-state.js';
import { productEvent, recordChange } from './record-change.js';

type Tx = Prisma.TransactionClient;

/** One attempt at a write; it calls `committing()` from the moment a failure may hide a commit. */
type WriteAttempt<T> = (committing: () => void) => Promise<T>;

/** A committed write as the response shows it: the row the transaction wrote and its sync state as of the commit. */
export interface Committed {
  product: ProductState;
  sync: ProductSync;
}

/** Attempts of a write that hits deadlocks or serialization failures, before it answers 409. */
export const WRITE_ATTEMPTS = 4;

/**
 * The only writer of products. Every write runs in one transaction with the outbox row that
 * describes it, so a change is never committed without its event, nor an event without its change.
 */
@Injectable()
export class ProductsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly pool: ApiPool,
    private readonly syncState: SyncStateService,
    @Inject(eventsConfig.KEY) private readonly events: ConfigType<typeof eventsConfig>,
  ) {}

  async list(query: ListProductsQuery): Promise<ProductPageResponse> {
    const where: Prisma.ProductWhereInput = {
      ...(query.name && { name: { contains: query.name, mode: 'insensitive' } }),
      ...(query.sku && { sku: query.sku }),
    };
    const [total, rows] = await this.prisma.$transaction([
      this.prisma.product.count({ where }),
      this.prisma.product.findMany({
        where,
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        skip: query.offset,
        take: query.pageSize,
      }),
    ]);
    const states = await this.syncState.statesOf(rows.map((row) => row.id));
    const items = rows.map((row) => ({ ...toProductState(row), sync: syncOf(row.version, states.get(row.id)) }));
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  async get(id: string): Promise<ProductResponse> {
    const { row, state } = await readWithSync(this.pool.sql, id);
    if (!row) throw new ProductNotFound(id);
    return { ...toProductState(row), sync: syncOf(row.version, state) };
  }

  async create(dto: CreateProductDto): Promise<Committed> {
    const now = new Date();
    const row: Product = {
      id: randomUUID(),
      sku: dto.sku,
      name: dto.name,
      description: dto.description ?? null,
      price: toPrice(dto.price),
      stock: dto.stock,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const event = productEvent('product.created', row, this.events.maxBytes);
    // One statement, its own commit: sent means possibly committed. A new product has no acks yet.
    await this.write(null, undefined, (committing) => (committing(), insertCreated(this.pool.sql, row, event)));
    return { product: event.product, sync: syncOf(row.version, undefined) };
  }

  /**
   * PATCH (a subset of fields) and PUT (all of them; description cleared when omitted). Optimistic first: read
   * the product, then write its next state with one statement that applies only at the version read
   * (updateAtVersion). If another write got in between, queue on the row's lock in a transaction instead.
   */
  async update(id: string, changes: UpdateProductDto, expectedVersion: number | undefined): Promise<Committed> {
    return this.write(id, expectedVersion, async (committing) => {
      const current = await this.prisma.product.findUnique({ where: { id } });
      if (!current) throw new ProductNotFound(id);
      if (expectedVersion !== undefined && current.version !== expectedVersion)
        throw new VersionConflict(current.version, expectedVersion);
      const next: Product = { ...current, ...columns(changes), version: current.version + 1, updatedAt: new Date() };
      const event = productEvent('product.updated', next, this.events.maxBytes);
      committing(); // one statement, its own commit: sent means possibly committed
      const state = await updateAtVersion(this.prisma, next, current.version, event);
      if (state !== MOVED) return { product: event.product, sync: syncOf(next.version, state) };
      return this.inTransaction((tx) => updateLocked(tx, id, changes, expectedVersion, this.events.maxBytes))(
        committing,
      );
    });
  }

  /** Returns the product's last state, at the delete's version. */
  async remove(id: string, expectedVersion: number | undefined): Promise<Committed> {
    return this.write(
      id,
      expectedVersion,
      this.inTransaction(async (tx) => {
        const row = await tx.product.delete({
          where: { id, ...(expectedVersion !== undefined && { version: expectedVersion }) },
        });
        // A delete is a change too: it gets the next version, so no older event can outrank it.
        const product = await recordChange(tx, 'product.deleted', {
          ...row,
          version: row.version + 1,
          updatedAt: new Date(),
        });
        return { product, sync: await syncInTx(tx, id, product.version) };
      }),
    );
  }

  /** A write as an interactive transaction: it is committing once `work` returned (Prisma then sends COMMIT). */
  private inTransaction<T>(work: (tx: Tx) => Promise<T>): WriteAttempt<T> {
    return (committing) =>
      this.prisma.$transaction(async (tx) => {
        const result = await work(tx);
        committing();
        return result;
      });
  }

  /**
   * Runs a write and turns the database's errors (Prisma's or node-postgres') into the domain errors they mean. Deadlocks and
   * serialization failures roll the whole transaction back, so it is run again, a bounded number of
   * times; an unreachable database is a 503 that says whether the commit may have happened.
   */
  private async write<T>(id: string | null, expectedVersion: number | undefined, attempt: WriteAttempt<T>): Promise<T> {
    for (let n = 1; ; n++) {
      let committing = false;
      try {
        return await attempt(() => (committing = true));
      } catch (error) {
        const failure = classifyWriteFailure(error);
        // The server rolled the statement or transaction back (even at COMMIT): safe to run again.
        if (failure === 'contention' && n < WRITE_ATTEMPTS) {
          await sleep(backoffDelay(n, 20, 200));
          continue;
        }
        if (failure === 'contention') throw new WriteContention(n);
        if (failure === 'unreachable') throw new DatabaseUnavailable(committing ? 'unknown' : false);
        throw await this.domainErrorOf(error, id, expectedVersion);
      }
    }
  }

  private async domainErrorOf(
    error: unknown,
    id: string | null,
    expectedVersion: number | undefined,
  ): Promise<unknown> {
    if (isPrismaError(error, PRISMA.ValueTooLong) || sqlStateOf(error) === SQLSTATE.StringTooLong) {
      // A value within the validated length can still outgrow its column (validator.js and
      // PostgreSQL count some emoji differently): the client's input, so invalid.
      return invalidField('body', 'a value is too long for its column');
    }
    if (isPrismaError(error, PRISMA.UniqueViolation) || sqlStateOf(error) === SQLSTATE.UniqueViolation)
      return new SkuTaken();
    if (id !== null && isPrismaError(error, PRISMA.RecordNotFound)) {
      try {
        const current = await this.prisma.product.findUnique({ where: { id }, select: { version: true } });
        return current ? new VersionConflict(current.version, expectedVersion) : new ProductNotFound(id);
      } catch (readError) {
        // Nothing was written (the update matched no row); only the explanation could not be read.
        return classifyWriteFailure(readError) === 'unreachable' ? new DatabaseUnavailable(false) : readError;
      }
    }
    return error;
  }
}

/** An update that waits for the row's lock: for a product other writes are changing at the same moment. */
async function updateLocked(
  tx: Tx,
  id: string,
  changes: UpdateProductDto,
  expectedVersion: number | undefined,
  maxEventBytes: number,
): Promise<Committed> {
  const row = await tx.product.update({
    where: { id, ...(expectedVersion !== undefined && { version: expectedVersion }) },
    data: { ...columns(changes), version: { increment: 1 }, updatedAt: new Date() },
  });
  return {
    product: await recordChange(tx, 'product.updated', row, maxEventBytes),
    sync: await syncInTx(tx, id, row.version),
  };
}

/** The product's sync state read inside the writing transaction, so the response needs no read after the commit. */
async function syncInTx(tx: Tx, id: string, version: number): Promise<ProductSync> {
  return syncOf(version, await tx.productSyncState.findUnique({ where: { productId: id } }));
}

function columns(dto: UpdateProductDto) {
  return {
    ...(dto.sku !== undefined && { sku: dto.sku }),
    ...(dto.name !== undefined && { name: dto.name }),
    ...(dto.description !== undefined && { description: dto.description }),
    ...(dto.price !== undefined && { price: toPrice(dto.price) }),
    ...(dto.stock !== undefined && { stock: dto.stock }),
  };
}

function toPrice(price: number): Prisma.Decimal {
  return new Prisma.Decimal(price).toDecimalPlaces(2);
}
