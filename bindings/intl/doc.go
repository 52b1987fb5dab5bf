// Package intl gives scripts the global Intl (ECMA-402) on the CLDR data of
// golang.org/x/text: language tags (getCanonicalLocales, Locale), numbers
// (NumberFormat: decimal, percent, currency), plural rules (PluralRules,
// cardinal and ordinal) and collation (Collator), and routes
// String.prototype.localeCompare and Number.prototype.toLocaleString through
// them. It holds no locale table of its own: separators, grouping sizes,
// digits, currency symbols and fraction digits, plural rules and collation
// orders all come from x/text.
//
// Intl is a lazy global (bindings.Env.LazyGlobals): nothing is built until a
// script first reads it, so start-up does not grow for scripts that never
// touch it. The default locale is read from the runtime's injected
// environment (LC_ALL, then LANG, as POSIX orders them; "de_DE.UTF-8" means
// de-DE), falling back to en-US; a host chooses it by setting those keys in
// its Options.Env.
//
// What x/text has no data for is not provided: DateTimeFormat, ListFormat,
// RelativeTimeFormat, DisplayNames, Segmenter, compact and unit notation,
// currency names. The README lists what differs from node.
//
// # Goroutine rules
//
// Everything runs on the loop goroutine; collators and formatters are
// per-object and never shared between runtimes.
package intl
