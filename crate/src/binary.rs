//! Reading the shipped binary files (`boilerplate.bin`, `english_words.bin`) from the front.

/// The next `n` bytes of `bytes`, which then starts after them; `None` (and `bytes` as it
/// was) when fewer are left.
pub fn take<'a>(bytes: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    if bytes.len() < n {
        return None;
    }
    let (head, rest) = bytes.split_at(n);
    *bytes = rest;
    Some(head)
}
