import { Module } from '@nestjs/common';
import { OutboxLedger } from './delivery/outbox-ledger.js';
import { OutboxWriter } from './outbox-writer.js';

@Module({ providers: [OutboxWriter, OutboxLedger], exports: [OutboxWriter, OutboxLedger] })
export class OutboxModule {}
