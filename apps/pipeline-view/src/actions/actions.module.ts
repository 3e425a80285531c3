import { Module } from '@nestjs/common';
import { UpstreamModule } from '../upstream/upstream.module.js';
import { ActionsController } from './actions.controller.js';
import { PoisonSender } from './poison-sender.js';
import { ProductWrites } from './product-writes.js';

@Module({ imports: [UpstreamModule], controllers: [ActionsController], providers: [ProductWrites, PoisonSender] })
export class ActionsModule {}
