// P-OPS-8: a hot room's OpsApplied may arrive batched per server frame; the board takes them one by one.
import type { OpsApplied, OpsAppliedBatch } from '../protocol';

/** The `OpsApplied` events of a batch in the order to apply them (clock order); events of another room are dropped. */
export function unbatchOpsApplied(batch: OpsAppliedBatch): readonly OpsApplied[] {
  return batch.events.filter((event) => event.roomId === batch.roomId);
}
