//! A map bounded by the bytes of what it keeps, the oldest entry forgotten first: the one
//! shape of the gateway's stores of query texts ([`super::persisted`]'s texts by hash,
//! [`super::protection`]'s parsed documents by text). A leaf: it names nothing else.

use std::borrow::Borrow;
use std::collections::{HashMap, VecDeque};
use std::hash::Hash;

/// Entries with their size, at most `max_bytes` in all.
pub struct Bounded<K, V> {
    entries: HashMap<K, (V, usize)>,
    /// Keys in the order they came, for forgetting the oldest.
    order: VecDeque<K>,
    bytes: usize,
    max_bytes: usize,
}

impl<K: Hash + Eq + Clone, V> Bounded<K, V> {
    /// An empty map holding at most `max_bytes`.
    pub fn new(max_bytes: usize) -> Self {
        Bounded {
            entries: HashMap::new(),
            order: VecDeque::new(),
            bytes: 0,
            max_bytes,
        }
    }

    /// The value kept under `key`.
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.entries.get(key).map(|(value, _)| value)
    }

    /// Keeps `value` (counted as `bytes`) under `key`, forgetting the oldest entries beyond
    /// the bound; nothing when the key is kept already or the value alone is over it.
    pub fn insert(&mut self, key: K, value: V, bytes: usize) {
        if bytes > self.max_bytes || self.entries.contains_key(&key) {
            return;
        }
        while self.bytes + bytes > self.max_bytes {
            let Some(oldest) = self.order.pop_front() else {
                break;
            };
            if let Some((_, gone)) = self.entries.remove(&oldest) {
                self.bytes -= gone;
            }
        }
        self.bytes += bytes;
        self.order.push_back(key.clone());
        self.entries.insert(key, (value, bytes));
    }

    /// The bytes kept.
    pub fn bytes(&self) -> usize {
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_go_first_and_the_bound_holds() {
        let mut map = Bounded::new(10);
        map.insert("a", 1, 4);
        map.insert("b", 2, 4);
        map.insert("c", 3, 4);
        assert_eq!(map.get("a"), None, "the oldest was forgotten");
        assert_eq!((map.get("b"), map.get("c")), (Some(&2), Some(&3)));
        assert_eq!(map.bytes(), 8);
        map.insert("big", 4, 11);
        assert_eq!(map.get("big"), None, "over the bound alone: not kept");
        map.insert("b", 5, 4);
        assert_eq!(map.get("b"), Some(&2), "a kept key keeps its value");
    }
}
