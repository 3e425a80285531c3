// @ts-check
// One side of infra/bench/http-floor.mjs: a Nest app with a single route, POST /products, on the platform named
// by argv[2] ('express', what api-service ran before issue 9's port, or 'fastify', what it runs now), listening on
// 127.0.0.1:argv[3]. It validates api-service's own CreateProductDto with api-service's ValidationPipe settings
// and answers 201 with the body: no database, no logs, no guards, no middleware, the floor under every create.
// Decorators are applied by hand: this file is plain JavaScript, run as it is.
import 'reflect-metadata';
import { Body, Controller, Module, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { repoRoot } from '../../run.mjs';

const [platform, port] = [process.argv[2], Number(process.argv[3])];
const { CreateProductDto } = await import(`${repoRoot}apps/api-service/dist/products/dto/create-product.dto.js`);

class FloorController {
  /** @param {unknown} body */
  create(body) {
    return body;
  }
}
Controller('products')(FloorController);
const create = /** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(FloorController.prototype, 'create'));
Post()(FloorController.prototype, 'create', create);
Body()(FloorController.prototype, 'create', 0);
Reflect.defineMetadata('design:paramtypes', [CreateProductDto], FloorController.prototype, 'create');
class FloorModule {}
Module({ controllers: [FloorController] })(FloorModule);

const app =
  platform === 'fastify'
    ? await NestFactory.create(FloorModule, new (await import('@nestjs/platform-fastify')).FastifyAdapter(), {
        logger: false,
      })
    : await NestFactory.create(FloorModule, { logger: false });
app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
await app.listen(port, '127.0.0.1');
process.send?.('ready');
