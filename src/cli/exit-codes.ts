/**
 * The exit codes of every `nk20x10` command (documented in README.md, "Exit codes"):
 * - 0 `ok`: done; also when the reader of the output stopped early (`| head`), which is not a failure.
 * - 1 `data`: an input file is missing, unreadable or invalid (the data directory, `--geo`, the file
 *   given to `geo import`), or it yields too few matches; fix the file.
 * - 2 `usage`: the command line is wrong: an unknown command or option, a missing or bad option
 *   value, or a name (county, province, `--view`) that is unknown or ambiguous; fix the command.
 * - 3 `output`: the output could not be written: a target refused (exists without --force, inside
 *   data/ or geo/, not a regular file), a missing or unwritable directory, a full disk, a failing
 *   stdout.
 * The dashboard alone adds 128 + signal (130 Ctrl-C/SIGINT, 143 SIGTERM, 129 SIGHUP).
 */
export const EXIT = { ok: 0, data: 1, usage: 2, output: 3 } as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
