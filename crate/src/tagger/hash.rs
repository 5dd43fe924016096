//! The feature hashes: FNV-1a states a template number opens (`Fnv::new(7)`) and the feature's
//! strings and bytes continue, one state folded over several strings at once where a pair of
//! features shares its second string ([`Fnv::str_lanes`]).

/// FNV-1a, 64 bits, folded to 32: the same on every platform and in every build.
#[derive(Clone, Copy)]
pub(super) struct Fnv(pub(super) u64);

impl Fnv {
    pub(super) const fn new(template: u8) -> Fnv {
        Fnv(crate::fnv::step(crate::fnv::BASIS, template))
    }
    pub(super) fn bytes(mut self, b: &[u8]) -> Fnv {
        for &x in b {
            self.0 = crate::fnv::step(self.0, x);
        }
        self
    }
    pub(super) fn str(self, s: &str) -> Fnv {
        // A separator keeps ("ab", "c") and ("a", "bc") apart.
        self.bytes(s.as_bytes()).bytes(&[0xff])
    }
    pub(super) fn byte(self, b: u8) -> Fnv {
        self.bytes(&[b])
    }
    /// `states.map(|h| h.str(s))`, in one pass over `s`: the lanes' multiplications do not
    /// wait on each other.
    #[inline]
    pub(super) fn str_lanes<const N: usize>(mut states: [Fnv; N], s: &str) -> [Fnv; N] {
        for &x in s.as_bytes().iter().chain(&[0xff]) {
            for h in &mut states {
                h.0 = crate::fnv::step(h.0, x);
            }
        }
        states
    }
    pub(super) const fn done(self) -> u32 {
        (self.0 ^ (self.0 >> 32)) as u32
    }
}

// Per-token flags (bits of `Tok::flags`).
