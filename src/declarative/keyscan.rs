//! Finds every occurrence of a set of short keys (1 to 7 bytes) in a text, overlapping
//! ones included: what an Aho-Corasick automaton with overlapping search reports,
//! without building one.
//!
//! Building the automaton for the rule files' ~1,000 keys costs about as much as
//! linting a whole article, and an editor-on-save run lints one article. This scan
//! is built in a few microseconds: a bit per two-byte prefix says where a key may
//! start, and a hash lookup per possible key length decides. It searches a few
//! times slower than a DFA, so long runs switch to one (see `Combined`).

use rustc_hash::FxHashMap;

/// Longest key the scan takes.
pub const MAX_KEY: usize = 7;

pub struct KeyScan {
    /// Bit `a | b << 8` is set when a key of two or more bytes starts with `a b`.
    pairs: Box<[u64; 1024]>,
    /// Per two-byte prefix: bit `n` set when a key of `n` bytes starts with it.
    lengths: FxHashMap<u16, u16>,
    /// Key of one byte, by byte.
    single: Box<[u32; 256]>,
    any_single: bool,
    /// Packed key -> index of the key.
    index: FxHashMap<u64, u32>,
}

const NONE: u32 = u32::MAX;

/// The bytes of `key` (at most 7) and its length in the top byte: keys pack alike
/// only if they are equal, trailing NULs included.
fn pack(key: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    b[..key.len()].copy_from_slice(key);
    b[7] = key.len() as u8;
    u64::from_le_bytes(b)
}

impl KeyScan {
    /// `None` if a key is empty or longer than [`MAX_KEY`], or if two keys are equal.
    pub fn new(keys: &[Vec<u8>]) -> Option<KeyScan> {
        let mut s = KeyScan {
            pairs: Box::new([0; 1024]),
            lengths: FxHashMap::default(),
            single: Box::new([NONE; 256]),
            any_single: false,
            index: FxHashMap::default(),
        };
        s.index.reserve(keys.len());
        for (i, k) in keys.iter().enumerate() {
            let i = u32::try_from(i).ok()?;
            match k.len() {
                0 => return None,
                1 => {
                    if s.single[k[0] as usize] != NONE {
                        return None;
                    }
                    s.single[k[0] as usize] = i;
                    s.any_single = true;
                }
                n if n <= MAX_KEY => {
                    let p = u16::from_le_bytes([k[0], k[1]]);
                    s.pairs[(p >> 6) as usize] |= 1 << (p & 63);
                    *s.lengths.entry(p).or_default() |= 1 << n;
                    if s.index.insert(pack(k), i).is_some() {
                        return None;
                    }
                }
                _ => return None,
            }
        }
        Some(s)
    }

    /// Calls `found(start, key)` for every occurrence of every key in `hay`, in order
    /// of start, and for one start in order of length.
    pub fn for_each(&self, hay: &[u8], mut found: impl FnMut(usize, usize)) {
        for i in 0..hay.len() {
            if self.any_single {
                let k = self.single[hay[i] as usize];
                if k != NONE {
                    found(i, k as usize);
                }
            }
            let Some(&b) = hay.get(i + 1) else { break };
            let p = u16::from_le_bytes([hay[i], b]);
            if self.pairs[(p >> 6) as usize] & (1 << (p & 63)) == 0 {
                continue;
            }
            let Some(&lens) = self.lengths.get(&p) else {
                continue;
            };
            let room = (hay.len() - i).min(MAX_KEY);
            for n in 2..=room {
                if lens & (1 << n) != 0
                    && let Some(&k) = self.index.get(&pack(&hay[i..i + n]))
                {
                    found(i, k as usize);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};
    use proptest::prelude::*;

    fn scan(keys: &[Vec<u8>], hay: &[u8]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        KeyScan::new(keys)
            .unwrap()
            .for_each(hay, |s, k| out.push((s, k)));
        out.sort_unstable();
        out
    }

    fn automaton(keys: &[Vec<u8>], hay: &[u8]) -> Vec<(usize, usize)> {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(keys)
            .unwrap();
        let mut out: Vec<(usize, usize)> = ac
            .find_overlapping_iter(hay)
            .map(|m| (m.start(), m.pattern().as_usize()))
            .collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn finds_overlapping_and_nested_keys() {
        let keys: Vec<Vec<u8>> = ["a", "ab", "abc", "bc", "c\0", "\u{17f}", "x27;"]
            .iter()
            .map(|k| k.as_bytes().to_vec())
            .collect();
        let hay = "zabc\0 abcab \u{17f}x27;".as_bytes();
        assert_eq!(scan(&keys, hay), automaton(&keys, hay));
        assert_eq!(scan(&keys, b"ab")[..], [(0, 0), (0, 1)]);
    }

    #[test]
    fn refuses_what_it_cannot_hold() {
        assert!(KeyScan::new(&[b"".to_vec()]).is_none());
        assert!(KeyScan::new(&[b"abcdefgh".to_vec()]).is_none());
        assert!(KeyScan::new(&[b"ab".to_vec(), b"ab".to_vec()]).is_none());
        // A key and the same key with NULs after it are different keys.
        assert!(KeyScan::new(&[b"ab".to_vec(), b"ab\0".to_vec()]).is_some());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// Same occurrences as an Aho-Corasick overlapping search, on a small
        /// alphabet so that keys overlap and nest often.
        #[test]
        fn agrees_with_aho_corasick(
            keys in prop::collection::btree_set(prop::collection::vec(prop::sample::select(b"ab\0\xc3\xa9 ".to_vec()), 1..=MAX_KEY), 1..40),
            hay in prop::collection::vec(prop::sample::select(b"ab\0\xc3\xa9 x".to_vec()), 0..300),
        ) {
            let keys: Vec<Vec<u8>> = keys.into_iter().collect();
            prop_assert_eq!(scan(&keys, &hay), automaton(&keys, &hay));
        }
    }
}
