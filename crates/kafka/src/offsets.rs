//! Which offsets may be committed: the bookkeeping behind "no lost articles".
//!
//! Records of one partition finish out of order (a slow stage job, an output
//! delivered to a slower broker), but the committed position of a partition
//! means "everything before this is done". So a position only moves up to the
//! first record that is not done yet. A record stays counted as in flight from
//! the moment it is consumed until its offset is committed, so a `kill -9`
//! re-processes at most `max-in-flight` records per instance.
//!
//! Pure data structure, no Kafka: the poll thread owns one [`OffsetTracker`]
//! and feeds it consumed offsets, acknowledgements and commit results.

use std::collections::{HashMap, VecDeque};

/// A partition of a topic; owned strings because partitions outlive messages.
pub type TopicPartition = (String, i32);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    offset: i64,
    done: bool,
}

/// The records of one partition that are consumed but not yet committed.
#[derive(Debug)]
pub struct PartitionOffsets {
    /// Changes whenever the partition is (re)assigned or rewound, so that a
    /// late acknowledgement from earlier work is never taken for new work.
    generation: u64,
    /// Consumed offsets in increasing order, with whether their output is
    /// acknowledged.
    entries: VecDeque<Entry>,
    /// The position known to be committed (the next offset to read).
    committed: i64,
}

impl PartitionOffsets {
    fn new(generation: u64, first_offset: i64) -> Self {
        PartitionOffsets {
            generation,
            entries: VecDeque::new(),
            committed: first_offset,
        }
    }

    /// The position a commit would store now: the first offset not done, or
    /// one past the last consumed offset when everything is done.
    fn committable(&self) -> i64 {
        match self.entries.iter().find(|e| !e.done) {
            Some(first_pending) => first_pending.offset,
            None => self
                .entries
                .back()
                .map_or(self.committed, |last| last.offset + 1),
        }
    }

    fn acknowledge(&mut self, offset: i64) -> bool {
        match self.entries.binary_search_by_key(&offset, |e| e.offset) {
            Ok(index) => {
                let entry = &mut self.entries[index];
                let first_time = !entry.done;
                entry.done = true;
                first_time
            }
            Err(_) => false,
        }
    }

    /// Forgets the entries below `position`; returns how many were released.
    fn release_below(&mut self, position: i64) -> usize {
        let mut released = 0;
        while let Some(front) = self.entries.front() {
            if front.offset >= position || !front.done {
                break;
            }
            self.entries.pop_front();
            released += 1;
        }
        if position > self.committed {
            self.committed = position;
        }
        released
    }
}

/// Why an offset was not recorded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TrackError {
    #[error("offset {offset} of {topic}/{partition} is not above the last consumed offset {last}")]
    NotIncreasing {
        topic: String,
        partition: i32,
        offset: i64,
        last: i64,
    },
}

/// Every assigned partition's in-flight records.
#[derive(Debug, Default)]
pub struct OffsetTracker {
    partitions: HashMap<TopicPartition, PartitionOffsets>,
    next_generation: u64,
    in_flight: usize,
}

impl OffsetTracker {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records consumed and not yet committed, all partitions.
    pub fn in_flight(&self) -> usize {
        debug_assert_eq!(
            self.in_flight,
            self.partitions
                .values()
                .map(|p| p.entries.len())
                .sum::<usize>()
        );
        self.in_flight
    }

    /// Records consumed and not yet committed for one partition.
    pub fn in_flight_of(&self, tp: &TopicPartition) -> usize {
        self.partitions.get(tp).map_or(0, |p| p.entries.len())
    }

    /// Records of one partition whose output is not acknowledged yet.
    pub fn pending_of(&self, tp: &TopicPartition) -> usize {
        self.partitions
            .get(tp)
            .map_or(0, |p| p.entries.iter().filter(|e| !e.done).count())
    }

    pub fn is_tracked(&self, tp: &TopicPartition) -> bool {
        self.partitions.contains_key(tp)
    }

    /// The generation of a tracked partition.
    pub fn generation(&self, tp: &TopicPartition) -> Option<u64> {
        self.partitions.get(tp).map(|p| p.generation)
    }

    /// Registers a consumed record; returns the partition's generation, to be
    /// carried with the work and given back with the acknowledgement.
    pub fn consumed(
        &mut self,
        topic: &str,
        partition: i32,
        offset: i64,
    ) -> Result<u64, TrackError> {
        let key = (topic.to_owned(), partition);
        if !self.partitions.contains_key(&key) {
            self.next_generation += 1;
            let state = PartitionOffsets::new(self.next_generation, offset);
            self.partitions.insert(key.clone(), state);
        }
        let Some(state) = self.partitions.get_mut(&key) else {
            unreachable!("inserted above");
        };
        if let Some(last) = state.entries.back() {
            if offset <= last.offset {
                return Err(TrackError::NotIncreasing {
                    topic: topic.to_owned(),
                    partition,
                    offset,
                    last: last.offset,
                });
            }
        }
        state.entries.push_back(Entry {
            offset,
            done: false,
        });
        self.in_flight += 1;
        Ok(state.generation)
    }

    /// Marks the output of one record as acknowledged. Returns false (and
    /// changes nothing) for a partition no longer tracked or a stale
    /// generation: that work belongs to a revoked or rewound assignment.
    pub fn acknowledged(&mut self, tp: &TopicPartition, generation: u64, offset: i64) -> bool {
        match self.partitions.get_mut(tp) {
            Some(state) if state.generation == generation => state.acknowledge(offset),
            _ => false,
        }
    }

    /// Positions that can be committed and are ahead of what is committed.
    pub fn commit_candidates(&self) -> Vec<(TopicPartition, i64)> {
        let mut out: Vec<(TopicPartition, i64)> = self
            .partitions
            .iter()
            .filter_map(|(tp, state)| {
                let position = state.committable();
                (position > state.committed).then(|| (tp.clone(), position))
            })
            .collect();
        out.sort();
        out
    }

    /// The committable position of one partition, when ahead of the commit.
    pub fn commit_candidate(&self, tp: &TopicPartition) -> Option<i64> {
        let state = self.partitions.get(tp)?;
        let position = state.committable();
        (position > state.committed).then_some(position)
    }

    /// The position known to be committed for a tracked partition.
    pub fn committed_position(&self, tp: &TopicPartition) -> Option<i64> {
        self.partitions.get(tp).map(|p| p.committed)
    }

    /// A commit of `position` succeeded: the records below it leave the
    /// in-flight count. Returns how many were released. Ignored for a
    /// partition no longer tracked.
    pub fn committed(&mut self, tp: &TopicPartition, position: i64) -> usize {
        let Some(state) = self.partitions.get_mut(tp) else {
            return 0;
        };
        let released = state.release_below(position);
        self.in_flight -= released;
        released
    }

    /// Stops tracking a partition (revoked, lost, or rewound); returns the
    /// records dropped from the in-flight count.
    pub fn remove(&mut self, tp: &TopicPartition) -> usize {
        let Some(state) = self.partitions.remove(tp) else {
            return 0;
        };
        self.in_flight -= state.entries.len();
        state.entries.len()
    }

    /// Every tracked partition.
    pub fn partitions(&self) -> Vec<TopicPartition> {
        let mut out: Vec<TopicPartition> = self.partitions.keys().cloned().collect();
        out.sort();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tp(p: i32) -> TopicPartition {
        ("news.raw".to_owned(), p)
    }

    #[test]
    fn position_waits_for_the_first_unfinished_record() {
        let mut t = OffsetTracker::new();
        let g = t.consumed("news.raw", 0, 10).unwrap();
        for o in 11..15 {
            assert_eq!(t.consumed("news.raw", 0, o).unwrap(), g);
        }
        // 12, 13 and 14 finish before 10 and 11.
        for o in [12, 14, 13] {
            assert!(t.acknowledged(&tp(0), g, o));
        }
        assert!(t.commit_candidates().is_empty(), "10 is not done yet");
        assert!(t.acknowledged(&tp(0), g, 10));
        assert_eq!(t.commit_candidates(), vec![(tp(0), 11)]);
        assert!(t.acknowledged(&tp(0), g, 11));
        assert_eq!(t.commit_candidates(), vec![(tp(0), 15)]);
        assert_eq!(t.in_flight(), 5, "in flight until committed");
        assert_eq!(t.committed(&tp(0), 15), 5);
        assert_eq!(t.in_flight(), 0);
        assert!(t.commit_candidates().is_empty());
    }

    #[test]
    fn gaps_in_offsets_do_not_block_the_position() {
        // Transaction markers and compaction leave holes in the offsets.
        let mut t = OffsetTracker::new();
        let g = t.consumed("news.raw", 3, 5).unwrap();
        t.consumed("news.raw", 3, 7).unwrap();
        t.consumed("news.raw", 3, 20).unwrap();
        t.acknowledged(&tp(3), g, 5);
        assert_eq!(t.commit_candidate(&tp(3)), Some(7));
        t.acknowledged(&tp(3), g, 20);
        assert_eq!(t.commit_candidate(&tp(3)), Some(7));
        t.acknowledged(&tp(3), g, 7);
        assert_eq!(t.commit_candidate(&tp(3)), Some(21));
    }

    #[test]
    fn a_partial_commit_releases_only_what_it_covers() {
        let mut t = OffsetTracker::new();
        let g = t.consumed("news.raw", 0, 0).unwrap();
        t.consumed("news.raw", 0, 1).unwrap();
        t.consumed("news.raw", 0, 2).unwrap();
        t.acknowledged(&tp(0), g, 0);
        t.acknowledged(&tp(0), g, 1);
        let candidate = t.commit_candidate(&tp(0)).unwrap();
        assert_eq!(candidate, 2);
        // Offset 2 finishes while the commit of position 2 is in flight.
        t.acknowledged(&tp(0), g, 2);
        assert_eq!(t.committed(&tp(0), candidate), 2);
        assert_eq!(t.in_flight(), 1);
        assert_eq!(t.committed_position(&tp(0)), Some(2));
        assert_eq!(t.commit_candidate(&tp(0)), Some(3));
    }

    #[test]
    fn partitions_are_independent() {
        let mut t = OffsetTracker::new();
        let g0 = t.consumed("news.raw", 0, 100).unwrap();
        let g1 = t.consumed("news.raw", 1, 7).unwrap();
        assert_ne!(g0, g1);
        t.acknowledged(&tp(1), g1, 7);
        assert_eq!(t.commit_candidates(), vec![(tp(1), 8)]);
        assert!(
            !t.acknowledged(&tp(0), g1, 100),
            "generation of another partition"
        );
        t.acknowledged(&tp(0), g0, 100);
        assert_eq!(t.commit_candidates(), vec![(tp(0), 101), (tp(1), 8)]);
    }

    #[test]
    fn revoked_partitions_are_never_committed_and_late_acks_are_ignored() {
        let mut t = OffsetTracker::new();
        let g = t.consumed("news.raw", 0, 0).unwrap();
        t.consumed("news.raw", 0, 1).unwrap();
        t.consumed("news.raw", 1, 0).unwrap();
        assert_eq!(t.remove(&tp(0)), 2);
        assert_eq!(t.in_flight(), 1);
        // The delivery of offset 0 arrives after the revoke.
        assert!(!t.acknowledged(&tp(0), g, 0));
        assert!(t.commit_candidates().iter().all(|(p, _)| p != &tp(0)));
        assert_eq!(
            t.committed(&tp(0), 2),
            0,
            "commit result for a revoked partition"
        );
        assert_eq!(t.in_flight(), 1);
    }

    #[test]
    fn a_reassigned_partition_ignores_acks_of_its_previous_assignment() {
        let mut t = OffsetTracker::new();
        let old = t.consumed("news.raw", 0, 0).unwrap();
        t.remove(&tp(0));
        let new = t.consumed("news.raw", 0, 0).unwrap();
        assert_ne!(old, new);
        assert!(!t.acknowledged(&tp(0), old, 0));
        assert!(t.commit_candidates().is_empty());
        assert!(t.acknowledged(&tp(0), new, 0));
        assert_eq!(t.commit_candidates(), vec![(tp(0), 1)]);
    }

    #[test]
    fn offsets_must_increase() {
        let mut t = OffsetTracker::new();
        t.consumed("news.raw", 0, 5).unwrap();
        assert!(t.consumed("news.raw", 0, 5).is_err());
        assert!(t.consumed("news.raw", 0, 4).is_err());
        assert_eq!(t.in_flight(), 1);
    }

    #[test]
    fn duplicate_and_unknown_acks_change_nothing() {
        let mut t = OffsetTracker::new();
        let g = t.consumed("news.raw", 0, 1).unwrap();
        assert!(t.acknowledged(&tp(0), g, 1));
        assert!(!t.acknowledged(&tp(0), g, 1));
        assert!(!t.acknowledged(&tp(0), g, 2));
        assert_eq!(t.commit_candidates(), vec![(tp(0), 2)]);
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// Whatever the completion order, the candidate position never
            /// passes an unfinished record, and once everything is done it is
            /// one past the last offset.
            #[test]
            fn never_passes_an_unfinished_record(
                offsets in proptest::collection::btree_set(0i64..500, 1..60),
                order in proptest::collection::vec(any::<proptest::sample::Index>(), 1..60),
            ) {
                let offsets: Vec<i64> = offsets.into_iter().collect();
                let mut t = OffsetTracker::new();
                let mut g = 0;
                for &o in &offsets {
                    g = t.consumed("t", 0, o).unwrap();
                }
                let mut done = std::collections::BTreeSet::new();
                for index in order {
                    let o = offsets[index.index(offsets.len())];
                    t.acknowledged(&("t".to_owned(), 0), g, o);
                    done.insert(o);
                    if let Some(position) = t.commit_candidate(&("t".to_owned(), 0)) {
                        for &o in offsets.iter().filter(|&&o| o < position) {
                            prop_assert!(done.contains(&o));
                        }
                    }
                }
                for &o in &offsets {
                    t.acknowledged(&("t".to_owned(), 0), g, o);
                }
                prop_assert_eq!(
                    t.commit_candidate(&("t".to_owned(), 0)),
                    Some(offsets[offsets.len() - 1] + 1)
                );
            }
        }
    }
}
