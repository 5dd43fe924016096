//! FNV-1a, 64 bits: how every learned model here (`ner.bin`, `pos.bin`, `boilerplate.bin`)
//! hashes its feature names. The same on every platform and in every build; changing it
//! changes every feature id, and every model would need retraining.

/// The state before any byte.
pub const BASIS: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0100_0000_01b3;

/// The state after one more byte.
#[inline]
pub const fn step(h: u64, b: u8) -> u64 {
    (h ^ b as u64).wrapping_mul(PRIME)
}

/// The state after `bytes`, from state `h` (a `const fn`: namespaces hash at compile time).
pub const fn bytes(mut h: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        h = step(h, bytes[i]);
        i += 1;
    }
    h
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_published_fnv_1a_values() {
        // Test vectors of the FNV reference: "" and "a".
        assert_eq!(super::bytes(super::BASIS, b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(super::bytes(super::BASIS, b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
