//! Single-byte character sets that UTF-8 text is most often mis-decoded as, shared by
//! the entity and mojibake rules.

/// Windows-1252 bytes 0x80..=0x9F; `None` where the code page leaves a byte undefined
/// (decoders then pass the byte through as the C1 control of the same value).
pub(super) const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// Mac Roman bytes 0x80..=0xFF.
pub(super) const MAC_ROMAN_HIGH: &str = "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u{a0}ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\u{f8ff}ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

/// The Windows-1252 character for a byte (Latin-1 outside 0x80..=0x9F).
pub(super) fn cp1252_char(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)].unwrap_or(char::from(b)),
        _ => char::from(b),
    }
}

/// The byte a character came from if the text was decoded as Windows-1252, also
/// accepting the C1 controls that Latin-1 decoders produce for 0x80..=0x9F.
pub(super) fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x80 {
        return Some(u as u8);
    }
    if (0x80..=0xFF).contains(&u) {
        return Some(u as u8);
    }
    CP1252_HIGH
        .iter()
        .position(|&h| h == Some(c))
        .map(|i| 0x80 + i as u8)
}

/// The byte a character came from if the text was decoded as Mac Roman.
pub(super) fn mac_roman_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x80 {
        return Some(u as u8);
    }
    MAC_ROMAN_HIGH
        .chars()
        .position(|h| h == c)
        .map(|i| 0x80 + i as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_round_trip() {
        assert_eq!(MAC_ROMAN_HIGH.chars().count(), 128);
        for b in 0x80..=0xFFu8 {
            assert_eq!(cp1252_byte(cp1252_char(b)), Some(b));
            let m = MAC_ROMAN_HIGH.chars().nth(usize::from(b - 0x80)).unwrap();
            assert_eq!(mac_roman_byte(m), Some(b));
        }
        assert_eq!(cp1252_byte('’'), Some(0x92));
        assert_eq!(cp1252_byte('ł'), None);
    }
}
