// Waiting on a timer inside a coroutine that shares the computer's events with others: only our
// own timer ends the wait, and Ctrl+T is raised (os.sleep would eat the terminate event).
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
