/// The exit codes of `tora`, named once (the BSD `sysexits.h` numbers). Every error that
/// reaches the user maps to one of these and one line on standard error; see
/// docs/sign-in-and-files.md "Exit codes".
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// The command line itself is wrong: an unknown flag, a missing argument (EX_USAGE).
    case usage = 64
    /// Input data broke a rule, or a stored row does not read back (EX_DATAERR).
    case badData = 65
    /// The printer, CUPS or the hub cannot be reached (EX_UNAVAILABLE).
    case unavailable = 69
    /// A file cannot be read or written, or is not a shop (EX_IOERR).
    case io = 74
    /// The database stayed busy past its timeout; trying again may work (EX_TEMPFAIL).
    case busy = 75
    /// No one signed in, a wrong PIN, or a role that may not do this (EX_NOPERM).
    case notAllowed = 77
}
