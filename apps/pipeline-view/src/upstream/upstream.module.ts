import { Module } from '@nestjs/common';
import { Upstream } from './upstream.js';

@Module({ providers: [Upstream], exports: [Upstream] })
export class UpstreamModule {}
