// Preload for `node --import`: pins the clock so that two builds of azscan, run at different
// moments, see the same "now". `new Date()`, `Date()` and `Date.now()` return a fixed instant;
// everything else (`new Date(value)`, `new Date(y, m, ...)`, Date.parse, Date.UTC, the
// prototype methods, instanceof Date) behaves as the real Date does.
//
// Only the clock read through Date is pinned: performance.now(), process.hrtime() and timers
// still run, which is fine as long as no report prints a duration (none does at 7b2353d).

const RealDate = globalThis.Date;

/** The pinned instant: 2026-06-01T00:00:00.000Z. */
const PINNED_MS = RealDate.UTC(2026, 5, 1, 0, 0, 0, 0);

// A subclass, so that instances are real Dates (with the real prototype methods) and
// `x instanceof Date` holds for Dates made before and after the swap. Its name stays `Date`.
const PinnedDate = {
  Date: class Date extends RealDate {
    constructor(...args) {
      // No arguments: "now". With any argument, even undefined, what the real Date does.
      super(...(args.length === 0 ? [PINNED_MS] : args));
    }

    static now() {
      return PINNED_MS;
    }
  },
}.Date;

// `Date()` called without `new` returns the current time as a string; a class cannot be called,
// so a Proxy gives the class that call behaviour and passes everything else through.
globalThis.Date = new Proxy(PinnedDate, {
  apply() {
    return new RealDate(PINNED_MS).toString();
  },
});
