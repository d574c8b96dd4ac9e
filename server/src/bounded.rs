//! A map bounded by the bytes of what it keeps, the oldest entry forgotten first: the one
//! shape of the services' memos — the gateway's query texts by hash (`persisted.rs`) and
//! parsed documents by text (`protection.rs`), the portal's answers kept for revalidation
//! (`web/src/api.rs`). A leaf: it names nothing else.

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
        self.bytes += bytes;
        self.order.push_back(key.clone());
        self.entries.insert(key, (value, bytes));
        // The new entry is the newest, so it is not reached while it alone fits.
        self.shrink();
    }

    /// Keeps `value` (counted as `bytes`) under `key`, in place of what the key held (which
    /// keeps its place in the order), forgetting the oldest entries beyond the bound;
    /// nothing kept when the value alone is over it (and the key's old value is dropped).
    pub fn put(&mut self, key: K, value: V, bytes: usize) {
        if let Some((old, old_bytes)) = self.entries.get_mut(&key) {
            if bytes <= self.max_bytes {
                self.bytes = self.bytes - *old_bytes + bytes;
                (*old, *old_bytes) = (value, bytes);
                self.shrink();
                return;
            }
            self.remove(&key);
            return;
        }
        self.insert(key, value, bytes);
    }

    /// Forgets what `key` holds.
    pub fn remove(&mut self, key: &K) {
        if let Some((_, gone)) = self.entries.remove(key) {
            self.bytes -= gone;
            self.order.retain(|kept| kept != key);
        }
    }

    /// Forgets the oldest entries until the bound holds.
    fn shrink(&mut self) {
        while self.bytes > self.max_bytes {
            let Some(oldest) = self.order.pop_front() else {
                break;
            };
            if let Some((_, gone)) = self.entries.remove(&oldest) {
                self.bytes -= gone;
            }
        }
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

    #[test]
    fn put_replaces_a_value_and_the_bound_still_holds() {
        let mut map = Bounded::new(10);
        map.put("a", 1, 4);
        map.put("b", 2, 4);
        map.put("a", 3, 2);
        assert_eq!((map.get("a"), map.get("b")), (Some(&3), Some(&2)));
        assert_eq!(
            map.bytes(),
            6,
            "the old value's bytes are not counted twice"
        );
        map.put("b", 4, 9);
        assert_eq!(map.get("a"), None, "the oldest went to make room");
        assert_eq!((map.get("b"), map.bytes()), (Some(&4), 9));
        map.put("b", 5, 11);
        assert_eq!(
            (map.get("b"), map.bytes()),
            (None, 0),
            "over the bound: not kept"
        );
        map.put("c", 6, 3);
        assert_eq!((map.get("c"), map.bytes()), (Some(&6), 3));
    }
}
