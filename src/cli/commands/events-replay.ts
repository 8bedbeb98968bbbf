// SPDX-License-Identifier: EUPL-1.2
import { findConsumer, replayConsumer, UnknownConsumer } from '../../platform/events/replay.ts';
import { UsageError, text, type ContextCommand } from '../command.ts';

export const eventsReplay: ContextCommand = {
  kind: 'context',
  name: 'events replay',
  summary: 'Rebuild what an event consumer feeds: empty it, and run the consumer from the first event to the last',
  description: [
    'The consumer\'s reset empties what it feeds (for journal-projection: the public journal tables) in every municipality,',
    'its position goes back to the start, and every event is handled again. Until it has caught up, what it feeds is incomplete.',
  ],
  remote: true,
  arguments: [{ name: 'consumer', description: 'The consumer\'s name, as `radhus events status` lists it' }],
  options: {},
  examples: ['radhus events replay journal-projection'],
  async run({ ctx, values, io }) {
    const name = text(values, 'consumer');
    try {
      findConsumer(ctx, name);
    } catch (error) {
      if (error instanceof UnknownConsumer) throw new UsageError(error.message, 'events replay');
      throw error;
    }
    io.out(`Replaying ${name} from the first event…`);
    const result = await replayConsumer(ctx, name);
    if (result.error) {
      io.err(`radhus events replay: ${name} stopped after ${result.advanced} events: ${result.error}`);
      return 1;
    }
    io.out(`Replayed ${name}: ${result.advanced} events, ${result.handled} handled; it is at the end of the outbox.`);
    return 0;
  },
};
