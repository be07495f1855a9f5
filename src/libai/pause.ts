// Waiting on a timer inside a coroutine that shares the computer's events with others: only our
// own timer (or the event waited for) ends the wait, and Ctrl+T is raised (os.sleep would eat
// the terminate event).
import { TERMINATED } from "./http";

/** Waits `seconds` on a timer, raising TERMINATED on Ctrl+T. */
export function pause(seconds: number): void {
  const timer = os.startTimer(seconds);
  while (true) {
    const [event, id] = os.pullEventRaw();
    if (event === "terminate") {
      os.cancelTimer(timer);
      throw TERMINATED;
    }
    if (event === "timer" && id === timer) return;
  }
}

/** Waits for the event `name`, or until `deadline` (local ms); false when it passed. */
export function waitEvent(name: string, deadline: number): boolean {
  const left = (deadline - os.epoch("utc")) / 1000;
  if (left <= 0) return false;
  const timer = os.startTimer(left);
  while (true) {
    const [event, id] = os.pullEventRaw();
    if (event === "terminate") {
      os.cancelTimer(timer);
      throw TERMINATED;
    }
    if (event === name) {
      os.cancelTimer(timer);
      return true;
    }
    if (event === "timer" && id === timer) return false;
  }
}
