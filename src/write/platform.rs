//! The OS-specific steps of writing: exchanging the new output folder with the old one, and
//! opening the staging folder to readers.
//!
//! Linux has `renameat2(RENAME_EXCHANGE)`, which swaps two paths in one step, so a reader of
//! the output folder sees the whole old site or the whole new one and never no folder. Other
//! systems have no such call: [`exchange`] answers `Ok(false)` and the caller renames the old
//! folder aside and the new one into place (a moment without an output folder, documented in
//! docs/format.md).

use std::io;
use std::path::Path;

/// Swap the folders `a` and `b` atomically. `Ok(false)` when this OS or file system cannot.
#[cfg(target_os = "linux")]
pub fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        // Kernels before 3.15 (ENOSYS) and file systems without the flag (EINVAL).
        Err(e) if e == rustix::io::Errno::NOSYS || e == rustix::io::Errno::INVAL => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
pub fn exchange(_a: &Path, _b: &Path) -> io::Result<bool> {
    Ok(false)
}

/// The staging folder is private (0700); a published site must be readable by a web server.
#[cfg(unix)]
pub fn make_readable(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755))
}

/// Windows folders inherit their parent's access rules: nothing to open.
#[cfg(not(unix))]
pub fn make_readable(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// CPU time this process has used so far, all threads (for the timings benchmarks print:
/// on a shared machine it varies far less than wall time). `None` where it is not measured.
#[cfg(target_os = "linux")]
pub fn process_cpu() -> Option<std::time::Duration> {
    use rustix::time::{clock_gettime, ClockId};
    let t = clock_gettime(ClockId::ProcessCPUTime);
    Some(std::time::Duration::new(
        u64::try_from(t.tv_sec).ok()?,
        u32::try_from(t.tv_nsec).ok()?,
    ))
}

#[cfg(not(target_os = "linux"))]
pub fn process_cpu() -> Option<std::time::Duration> {
    None
}
