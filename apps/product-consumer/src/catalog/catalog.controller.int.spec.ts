import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { HTTP_SECURITY, httpSecurityFromEnv } from '@nestjs-kafka-sync/http-kit';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureApp } from '../http/configure-app.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { testPrisma } from '../testing/test-database.js';
import { CatalogController } from './catalog.controller.js';
import { CatalogService } from './catalog.service.js';

let app: INestApplication;
const http = () => request(app.getHttpServer());

beforeAll(async () => {
  const moduleRef = await Test.createTestingModule({
    controllers: [CatalogController],
    providers: [
      CatalogService,
      { provide: PrismaService, useValue: testPrisma() },
      { provide: HTTP_SECURITY, useValue: httpSecurityFromEnv() }, // configureApp's edge settings (helmet, /docs)
    ],
  }).compile();
  app = configureApp(moduleRef.createNestApplication());
  await app.init();
});
afterAll(() => app.close());

describe('/catalog/products errors: the project shape, as api-service answers', () => {
  it('400 names the bad path parameter', async () => {
    const res = await http().get('/catalog/products/not-a-uuid').expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'id: must be a UUID',
      errors: [{ field: 'id', reason: 'must be a UUID' }],
    });
  });

  it('400 names each bad query parameter', async () => {
    const res = await http().get('/catalog/products?pageSize=1000&color=red').expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(res.body.errors).toHaveLength(2);
    expect(res.body.errors).toContainEqual({ field: 'pageSize', reason: 'pageSize must not be greater than 100' });
    expect(res.body.errors).toContainEqual({ field: 'color', reason: 'property color should not exist' });
    expect(res.body.message).toBe(
      res.body.errors.map((e: { field: string; reason: string }) => `${e.field}: ${e.reason}`).join('; '),
    );
  });

  it('404 for an id the replica does not hold', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    await app.get(PrismaService).catalogProduct.deleteMany({ where: { id } });
    const res = await http().get(`/catalog/products/${id}`).expect(404);
    expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: `product ${id} is not in the catalog` });
  });
});
