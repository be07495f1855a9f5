// Ids in opencode's format: prefix "_" 12 hex digits of (ms * 4096 + counter) mod 2^48, then 14
// base-62 characters. They ascend strictly, and are made on the server's clock: a CC server's
// clock can be minutes off, and older opencode servers order messages by id.

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const TWO_24 = 16777216;
const TWO_48 = TWO_24 * TWO_24;

/** What this computer knows of the server's clock, and the last id made: the module's only state. */
const clock = {
  /** Server time minus local time, in ms; 0 until the server has told us its time. */
  offsetMs: 0,
  /** How the offset was learnt: a Date header is only good to the second, a created time better. */
  offsetPrecise: false,
  /** Whether the server has told us its time yet (by a Date header or a time it stamped). */
  known: false,
  /** What the Date headers seen so far allow the offset to be: each narrows the range. */
  offsetLow: -math.huge,
  offsetHigh: math.huge,
  /** The ms and counter of the last id made (or seen from the server). */
  lastMs: 0,
  counter: 0,
};

/** The server's clock as best we know it. */
export function serverNow(): number {
  return os.epoch("utc") + clock.offsetMs;
}

export function serverClockKnown(): boolean {
  return clock.known;
}

/**
 * Learn the offset from a time the server stamped between `sentAt` and `receivedAt` (local ms),
 * e.g. the time.created of a session it just made.
 */
export function observeServerTime(serverMs: number, sentAt: number, receivedAt: number): void {
  // The low end, as for Date headers: the stamp may have been made just before the answer left,
  // and an id ahead of the server's clock would sort after the answer the server makes to it.
  clock.offsetMs = serverMs - receivedAt;
  clock.offsetPrecise = true;
  clock.known = true;
}

const MONTHS: { [m: string]: number } = {
  Jan: 1,
  Feb: 2,
  Mar: 3,
  Apr: 4,
  May: 5,
  Jun: 6,
  Jul: 7,
  Aug: 8,
  Sep: 9,
  Oct: 10,
  Nov: 11,
  Dec: 12,
};

/** Days from 1970-01-01 to a civil date (proleptic Gregorian). */
function daysFromCivil(y: number, m: number, d: number): number {
  if (m <= 2) y -= 1;
  const era = math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (m + 9) % 12;
  const doy = math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + math.floor(yoe / 4) - math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Parses an HTTP Date header ("Sun, 29 Nov 2026 08:30:00 GMT") to epoch ms. */
export function parseHttpDate(date: string): number | undefined {
  const [d, mon, y, hh, mm, ss] = string.match(date, "(%d+) (%a+) (%d+) (%d+):(%d+):(%d+)");
  if (d === undefined) return undefined;
  const month = MONTHS[mon];
  if (month === undefined) return undefined;
  const days = daysFromCivil(tonumber(y)!, month, tonumber(d)!);
  return ((days * 24 + tonumber(hh)!) * 60 + tonumber(mm)!) * 60000 + tonumber(ss)! * 1000;
}

/** Learn the offset from a response's Date header, unless a better estimate exists. */
export function observeDateHeader(date: string | undefined, sentAt: number, receivedAt: number): void {
  if (clock.offsetPrecise || date === undefined) return;
  const ms = parseHttpDate(date);
  if (ms === undefined) return;
  // The server's clock read [ms, ms + 1000) at some moment between sentAt and receivedAt.
  const low = math.max(clock.offsetLow, ms - receivedAt);
  const high = math.min(clock.offsetHigh, ms + 1000 - sentAt);
  if (low > high) {
    // The server's clock moved (or ours did): start again from this response alone.
    clock.offsetLow = ms - receivedAt;
    clock.offsetHigh = ms + 1000 - sentAt;
  } else {
    clock.offsetLow = low;
    clock.offsetHigh = high;
  }
  // The low end: an id made now is then never ahead of the server's own clock, so the messages
  // the server makes in answer always sort after it.
  clock.offsetMs = clock.offsetLow;
  clock.known = true;
}

const TWO_36 = 2 ** 36;

/** The ms part of an opencode id (ascending ids only), modulo 2^36: the id keeps 48 bits of ms*4096. */
export function idTime(id: string): number | undefined {
  const [hex] = string.match(id, "^%a+_(%x%x%x%x%x%x%x%x%x%x%x%x)");
  if (hex === undefined) return undefined;
  const value = tonumber(string.sub(hex, 1, 6), 16)! * TWO_24 + tonumber(string.sub(hex, 7, 12), 16)!;
  return math.floor(value / 4096);
}

/** Ids we make must sort after every id the server has shown us. */
export function observeId(id: string): void {
  const wrapped = idTime(id);
  if (wrapped === undefined) return;
  // Put the id's time back in full, in the 2^36 ms window around our own idea of now.
  const ref = math.max(clock.lastMs, math.floor(serverNow()));
  let ms = ref - (ref % TWO_36) + wrapped;
  if (ms < ref - TWO_36 / 2) ms += TWO_36;
  else if (ms > ref + TWO_36 / 2) ms -= TWO_36;
  if (ms > clock.lastMs) {
    clock.lastMs = ms;
    clock.counter = 4095; // the next id moves on to the following millisecond
  }
}

function randomBase62(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = math.random(1, 62);
    out.push(string.sub(BASE62, k, k));
  }
  return table.concat(out);
}

/** A new ascending id, e.g. newId("msg"). */
export function newId(prefix: string): string {
  let ms = math.floor(serverNow());
  if (ms > clock.lastMs) {
    clock.lastMs = ms;
    clock.counter = 0;
  } else {
    ms = clock.lastMs;
  }
  clock.counter++;
  if (clock.counter >= 4096) {
    // 4095 ids in one millisecond: borrow the next one, as the value would otherwise wrap.
    clock.lastMs = ms + 1;
    ms = clock.lastMs;
    clock.counter = 1;
  }
  const value = (ms * 4096 + clock.counter) % TWO_48;
  const hi = math.floor(value / TWO_24);
  const lo = value % TWO_24;
  return prefix + "_" + string.format("%06x%06x", hi, lo) + randomBase62(14);
}
