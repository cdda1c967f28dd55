package org.crisisdesk.triage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aho-Corasick matcher over a fixed set of patterns: finds every occurrence of every pattern in one pass over the
 * text, so the cost of the rules does not grow with the number of keywords. Immutable after construction and
 * thread-safe.
 *
 * <p>Transitions out of the root are a direct 64K table (most steps start there); the others live in one
 * open-addressing hash table keyed by (state, char). No per-state objects.
 */
final class KeywordAutomaton {
    private static final int NONE = -1;

    private final int[] rootNext = new int[1 << 16];
    /** Characters that occur after the first position of some pattern: the only ones a non-root state can read. */
    private final long[] innerChars = new long[1 << 10];
    private long[] keys;
    private int[] vals;
    private int mask;
    private final int[] fail;
    private final int[][] outputs;
    private final int[] patternLength;

    /** @param patterns non-empty strings; the pattern id is the index in this list */
    KeywordAutomaton(List<String> patterns) {
        patternLength = new int[patterns.size()];
        int maxStates = 1;
        for (String p : patterns) {
            maxStates += p.length();
        }
        int cap = Integer.highestOneBit(Math.max(16, maxStates * 2 - 1)) << 1;
        keys = new long[cap];
        vals = new int[cap];
        mask = cap - 1;
        Arrays.fill(keys, -1L);

        // 1. the trie
        int states = 1;
        List<List<Integer>> out = new ArrayList<>();
        out.add(null);
        for (int id = 0; id < patterns.size(); id++) {
            String p = patterns.get(id);
            if (p.isEmpty()) {
                throw new IllegalArgumentException("empty pattern");
            }
            patternLength[id] = p.length();
            for (int i = 1; i < p.length(); i++) {
                innerChars[p.charAt(i) >>> 6] |= 1L << p.charAt(i);
            }
            int s = 0;
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                int next = s == 0 ? (rootNext[c] == 0 ? NONE : rootNext[c]) : get(s, c);
                if (next == NONE) {
                    next = states++;
                    out.add(null);
                    if (s == 0) {
                        rootNext[c] = next;
                    } else {
                        put(s, c, next);
                    }
                }
                s = next;
            }
            if (out.get(s) == null) {
                out.set(s, new ArrayList<>(1));
            }
            out.get(s).add(id);
        }

        // 2. failure links, breadth first; outputs inherit their failure state's outputs
        fail = new int[states];
        int[][] children = childrenByState(states);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int child : children[0]) {
            fail[child] = 0;
            queue.add(child);
        }
        char[] edgeChar = edgeChars(states);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int child : children[s]) {
                char c = edgeChar[child];
                int f = fail[s];
                int target;
                while (true) {
                    target = step(f, c);
                    if (target != NONE || f == 0) {
                        break;
                    }
                    f = fail[f];
                }
                fail[child] = target == NONE ? 0 : target;
                List<Integer> inherited = out.get(fail[child]);
                if (inherited != null) {
                    if (out.get(child) == null) {
                        out.set(child, new ArrayList<>(inherited.size()));
                    }
                    out.get(child).addAll(inherited);
                }
                queue.add(child);
            }
        }
        outputs = new int[states][];
        for (int s = 0; s < states; s++) {
            List<Integer> o = out.get(s);
            outputs[s] = o == null ? null : o.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** The next state after reading {@code c} in state {@code s} (following failure links). */
    int next(int s, char c) {
        if ((innerChars[c >>> 6] & (1L << c)) == 0) {
            s = 0; // no state but the root has an edge for c: skip the failure chain
        }
        while (true) {
            int t = step(s, c);
            if (t != NONE) {
                return t;
            }
            if (s == 0) {
                return 0;
            }
            s = fail[s];
        }
    }

    /** Pattern ids that end in state {@code s}, or null. */
    int[] outputs(int s) {
        return outputs[s];
    }

    int patternLength(int id) {
        return patternLength[id];
    }

    private int step(int s, char c) {
        if (s == 0) {
            int t = rootNext[c];
            return t == 0 ? NONE : t;
        }
        return get(s, c);
    }

    private int get(int s, char c) {
        long key = ((long) s << 16) | c;
        int i = mix(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                return vals[i];
            }
            if (k == -1L) {
                return NONE;
            }
            i = (i + 1) & mask;
        }
    }

    private void put(int s, char c, int target) {
        long key = ((long) s << 16) | c;
        int i = mix(key) & mask;
        while (keys[i] != -1L) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        vals[i] = target;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    private int[][] childrenByState(int states) {
        int[] count = new int[states];
        for (int c = 0; c < rootNext.length; c++) {
            if (rootNext[c] != 0) {
                count[0]++;
            }
        }
        for (long k : keys) {
            if (k != -1L) {
                count[(int) (k >>> 16)]++;
            }
        }
        int[][] children = new int[states][];
        for (int s = 0; s < states; s++) {
            children[s] = new int[count[s]];
        }
        int[] fill = new int[states];
        for (int c = 0; c < rootNext.length; c++) {
            if (rootNext[c] != 0) {
                children[0][fill[0]++] = rootNext[c];
            }
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != -1L) {
                int s = (int) (keys[i] >>> 16);
                children[s][fill[s]++] = vals[i];
            }
        }
        return children;
    }

    private char[] edgeChars(int states) {
        char[] edge = new char[states];
        for (int c = 0; c < rootNext.length; c++) {
            if (rootNext[c] != 0) {
                edge[rootNext[c]] = (char) c;
            }
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != -1L) {
                edge[vals[i]] = (char) (keys[i] & 0xFFFF);
            }
        }
        return edge;
    }
}
