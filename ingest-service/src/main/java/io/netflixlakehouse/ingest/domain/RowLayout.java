package io.netflixlakehouse.ingest.domain;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The fields of one file's records, laid out once per file: the header's field columns in order, then the schema
 * columns the file lacks, then {@code _rescued_data} (present only in a record that rescued something, unless the
 * header has a column of that name). Each record's {@link #fields} is then an array of values over these shared
 * names, not a hash map built per row. Its values are type-checked against the columns' hints, the verdicts on
 * date and timestamp values remembered for the file (a file repeats them, and a formatter parse costs far more than
 * a lookup). Per file, one thread.
 */
final class RowLayout {

    /** Verdicts remembered per column, at most (a file with more distinct values checks the rest each time). */
    static final int REMEMBERED_VERDICTS = 4096;

    private final String[] names;
    private final int[] slotOfColumn;
    private final ColumnHint[] checked;
    private final Map<String, Boolean>[] verdicts;
    private final int rescuedSlot;
    private final boolean rescuedIsAColumn;

    @SuppressWarnings("unchecked")
    RowLayout(FileSchema schema, String rescued) {
        List<String> header = schema.header();
        List<String> ordered = new ArrayList<>(header.size() + schema.missing().size() + 1);
        slotOfColumn = new int[header.size()];
        checked = new ColumnHint[header.size()];
        verdicts = new Map[header.size()];
        for (int i = 0; i < header.size(); i++) {
            if (schema.actions().get(i) != FileSchema.Action.FIELD) {
                slotOfColumn[i] = -1;
                continue;
            }
            slotOfColumn[i] = ordered.size();
            ordered.add(header.get(i));
            ColumnHint hint = schema.hints().get(i);
            if (hint != null && hint.type() != ColumnType.STRING) {
                checked[i] = hint;
                if (hint.type() == ColumnType.DATE || hint.type() == ColumnType.TIMESTAMP) {
                    verdicts[i] = new HashMap<>(2 * REMEMBERED_VERDICTS); // never grown while the file is read
                }
            }
        }
        ordered.addAll(schema.missing());
        int existing = ordered.indexOf(rescued);
        rescuedIsAColumn = existing >= 0;
        if (!rescuedIsAColumn) {
            ordered.add(rescued);
        }
        rescuedSlot = rescuedIsAColumn ? existing : ordered.size() - 1;
        names = ordered.toArray(String[]::new);
    }

    /** Where the value of header column {@code column} goes in {@link #newValues()}; -1 if it is not a field. */
    int slot(int column) {
        return slotOfColumn[column];
    }

    int rescuedSlot() {
        return rescuedSlot;
    }

    /** A record's values, all null: one per name. */
    String[] newValues() {
        return new String[names.length];
    }

    /** Whether a non-null value of header column {@code column} fits its type hint (no hint, or text: always). */
    boolean accepts(int column, String value) {
        ColumnHint hint = checked[column];
        if (hint == null) {
            return true;
        }
        Map<String, Boolean> known = verdicts[column];
        if (known == null) {
            return hint.accepts(value);
        }
        Boolean verdict = known.get(value);
        if (verdict == null) {
            verdict = hint.accepts(value);
            if (known.size() < REMEMBERED_VERDICTS) {
                known.put(value, verdict);
            }
        }
        return verdict;
    }

    /** The fields of a record: {@code values} over this layout's names; {@code _rescued_data} only if set or a column. */
    Map<String, String> fields(String[] values) {
        int size = rescuedIsAColumn || values[rescuedSlot] != null ? names.length : names.length - 1;
        return new Fields(names, values, size);
    }

    /** An immutable map over shared names, in their order (names are few: a lookup is a scan). */
    private static final class Fields extends AbstractMap<String, String> {
        private final String[] names;
        private final String[] values;
        private final int size;

        Fields(String[] names, String[] values, int size) {
            this.names = names;
            this.values = values;
            this.size = size;
        }

        @Override
        public int size() {
            return size;
        }

        private int indexOf(Object key) {
            for (int i = 0; i < size; i++) {
                if (names[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public boolean containsKey(Object key) {
            return indexOf(key) >= 0;
        }

        @Override
        public String get(Object key) {
            int index = indexOf(key);
            return index < 0 ? null : values[index];
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return size;
                }

                @Override
                public Iterator<Entry<String, String>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        public Entry<String, String> next() {
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            Entry<String, String> entry = new SimpleImmutableEntry<>(names[next], values[next]);
                            next++;
                            return entry;
                        }
                    };
                }
            };
        }
    }
}
