import { Module } from '@nestjs/common';
import { DeadLetterTool } from '../dead-letters/dead-letter-tool.js';
import { ConsumerControl } from './consumer-control.js';
import { ControlController } from './control.controller.js';

/** Pause/resume and dead-letter replay over HTTP (main.ts attaches the Kafka microservice to ConsumerControl). */
@Module({ controllers: [ControlController], providers: [ConsumerControl, DeadLetterTool], exports: [ConsumerControl] })
export class ControlModule {}
