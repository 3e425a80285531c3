import { Module } from '@nestjs/common';
import { ReadOnlyDatabases } from './read-only-databases.js';

@Module({ providers: [ReadOnlyDatabases], exports: [ReadOnlyDatabases] })
export class DatabasesModule {}
