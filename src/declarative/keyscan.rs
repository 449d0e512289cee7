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
    /// Bit `tri(a, b, c)` is set when a key of three or more bytes starts with
    /// `a b c`; most positions of a text fail this test, which is all they cost.
    tris: Box<[u64; 1024]>,
    /// Bit `a | b << 8` is set for a key of exactly two bytes `a b`.
    pairs: Box<[u64; 1024]>,
    /// Key of one byte, by byte.
    single: Box<[u32; 256]>,
    /// Bit `n` set when some key has `n` bytes.
    lengths: u16,
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

/// A 16-bit hash of three bytes.
fn tri(a: u8, b: u8, c: u8) -> usize {
    ((u32::from_le_bytes([a, b, c, 0]).wrapping_mul(0x9E37_79B1)) >> 16) as usize
}

fn set(bits: &mut [u64; 1024], i: usize) {
    bits[i >> 6] |= 1 << (i & 63);
}

fn has(bits: &[u64; 1024], i: usize) -> bool {
    bits[i >> 6] & (1 << (i & 63)) != 0
}

impl KeyScan {
    /// `None` if a key is empty or longer than [`MAX_KEY`], or if two keys are equal.
    pub fn new(keys: &[Vec<u8>]) -> Option<KeyScan> {
        let mut s = KeyScan {
            tris: Box::new([0; 1024]),
            pairs: Box::new([0; 1024]),
            single: Box::new([NONE; 256]),
            lengths: 0,
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
                }
                2 => set(&mut s.pairs, u16::from_le_bytes([k[0], k[1]]) as usize),
                n if n <= MAX_KEY => set(&mut s.tris, tri(k[0], k[1], k[2])),
                _ => return None,
            }
            s.lengths |= 1 << k.len();
            if k.len() > 1 && s.index.insert(pack(k), i).is_some() {
                return None;
            }
        }
        Some(s)
    }

    /// Calls `found(start, key)` for every occurrence of every key in `hay`, in order
    /// of start, and for one start in order of length.
    pub fn for_each(&self, hay: &[u8], mut found: impl FnMut(usize, usize)) {
        let (ones, twos) = (self.lengths & 1 << 1 != 0, self.lengths & 1 << 2 != 0);
        let longer = self.lengths & !0b111;
        for i in 0..hay.len() {
            if ones {
                let k = self.single[hay[i] as usize];
                if k != NONE {
                    found(i, k as usize);
                }
            }
            let Some(&b) = hay.get(i + 1) else { break };
            if twos && has(&self.pairs, u16::from_le_bytes([hay[i], b]) as usize) {
                found(i, self.index[&pack(&hay[i..i + 2])] as usize);
            }
            let Some(&c) = hay.get(i + 2) else { continue };
            if longer == 0 || !has(&self.tris, tri(hay[i], b, c)) {
                continue;
            }
            for n in 3..=(hay.len() - i).min(MAX_KEY) {
                if longer & (1 << n) != 0
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
