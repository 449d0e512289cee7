//! Turning file bytes into text without losing anything: a BOM is kept (spans stay
//! byte offsets into the file), invalid UTF-8 and binary files are clear errors.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not UTF-8; `offset` is the first bad byte.
    InvalidUtf8 { offset: usize },
    /// Contains NUL bytes: not copy.
    Binary,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::InvalidUtf8 { offset } => {
                write!(f, "not valid UTF-8 (first invalid byte at offset {offset})")
            }
            DecodeError::Binary => f.write_str("binary file (contains NUL bytes), skipped"),
        }
    }
}

pub fn decode(bytes: Vec<u8>) -> Result<String, DecodeError> {
    if memchr_nul(&bytes) {
        return Err(DecodeError::Binary);
    }
    String::from_utf8(bytes).map_err(|e| DecodeError::InvalidUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}

fn memchr_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_and_reports() {
        assert_eq!(decode(b"\xef\xbb\xbfhi".to_vec()).unwrap(), "\u{feff}hi");
        assert_eq!(
            decode(b"ab\xffc".to_vec()),
            Err(DecodeError::InvalidUtf8 { offset: 2 })
        );
        assert_eq!(decode(b"a\0b".to_vec()), Err(DecodeError::Binary));
        assert_eq!(decode(Vec::new()).unwrap(), "");
    }
}
