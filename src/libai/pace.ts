// How long a wait pauses before its next look: often enough that the end is seen soon after
// the server has it, seldom enough that a long reply costs little. Quickly (0.1 s, then
// doubling: a loaded server takes seconds) while a step is about to end, on the next shared
// tick in a crowd, and less often as a silence grows. While the server's news flows (the bridge)
// a look is needed only when the news says so: one every SAFETY seconds at most besides.
import { crowded, toNextTick } from "./crowd";

/** Seconds to the first look while a step is about to end (doubling for each look after it). */
const QUICK = 0.1;
/**
 * Seconds of silence after which looks grow rarer: from 2 s to 1.5 poll intervals at 4 s (a reply
 * that is taking a while is likely to take a while longer), and from 20 s up to 4 at 80 s.
 */
const EASE_AFTER = 2;
const SLOW_AFTER = 20;
/** Seconds between safety looks while the news flows: news that went astray is found by then. */
export const SAFETY = 10;

export class Pace {
  /** Quick looks made since the newest step began to end. */
  private quickLooks = 0;

  constructor(private readonly pollInterval: number) {}

  /** Seconds to the next look; `silentMs`: since anything moved; `deadline`: local ms. */
  next(ending: boolean, live: boolean, silentMs: number, deadline: number): number {
    const now = os.epoch("utc");
    let gap = this.pollInterval;
    if (live) gap = SAFETY;
    else if (ending) {
      gap = math.min(QUICK * 2 ** this.quickLooks, gap);
      this.quickLooks++;
    } else if (crowded()) {
      this.quickLooks = 0;
      gap = toNextTick(gap);
    } else {
      this.quickLooks = 0;
      const silent = silentMs / 1000;
      if (silent > SLOW_AFTER) gap = gap * math.min(1 + (silent - SLOW_AFTER) / SLOW_AFTER, 4);
      else if (silent > EASE_AFTER) gap = gap * math.min(1 + (silent - EASE_AFTER) / 4, 1.5);
    }
    return math.max(math.min(gap, (deadline - now) / 1000), 0.05);
  }
}
