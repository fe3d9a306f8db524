package org.servicequality.ledger.query.asof;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdIndexTest {

    @Test
    void namesTheChunkOfEachDocumentAndNoneForAnAbsentOne() {
        IdIndex.Builder builder = new IdIndex.Builder();
        for (int i = 0; i < 10_000; i++) {
            builder.add(i % 2 == 0 ? "cases" : "months", "id-" + i, i / 1_000);
        }
        IdIndex index = IdIndex.of(builder.build().compressed(), "s");

        assertThat(index.chunksOf("cases", "id-4242")).containsExactly(4);
        assertThat(index.chunksOf("months", "id-9999")).containsExactly(9);
        assertThat(index.chunksOf("months", "id-4242")).as("the same id in another collection").isEmpty();
        assertThat(index.chunksOf("cases", "id-10000")).isEmpty();
    }

    @Test
    void anIndexCutShortIsDamaged() {
        IdIndex.Builder builder = new IdIndex.Builder();
        builder.add("cases", "a", 0);
        byte[] whole = builder.build().compressed();

        assertThatThrownBy(() -> IdIndex.of(java.util.Arrays.copyOf(whole, whole.length / 2), "s"))
                .isInstanceOf(StoredSnapshots.DamagedSnapshotException.class);
    }
}
