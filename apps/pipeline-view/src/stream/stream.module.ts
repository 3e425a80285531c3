import { Module } from '@nestjs/common';
import { LiveFeed } from '../feed/live-feed.service.js';
import { PipelineModule } from '../pipeline/pipeline.module.js';
import { StreamController } from './stream.controller.js';

@Module({ imports: [PipelineModule], controllers: [StreamController], providers: [LiveFeed] })
export class StreamModule {}
