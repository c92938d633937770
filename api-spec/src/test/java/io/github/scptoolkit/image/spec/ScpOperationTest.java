package io.github.scptoolkit.image.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Operations as map keys: equal operations hash alike, from their id alone. */
class ScpOperationTest {

    @Test
    void everyOperationIsFoundAsAMapKeyByItselfAndByAnEqualCopy() {
        Map<ScpOperation, String> byOperation = new HashMap<>();
        ScpApi.operations().forEach(op -> byOperation.put(op, op.operationId()));
        for (ScpOperation op : ScpApi.operations()) {
            ScpOperation copy = new ScpOperation(op.operationId(), op.method(), op.path(), op.signed(), op.versioned(),
                    op.actionId(), op.resource(), op.parameters(), op.responseSchemas(), op.responseModel());
            assertThat(copy).isEqualTo(op).hasSameHashCodeAs(op);
            assertThat(byOperation).containsEntry(op, op.operationId()).containsEntry(copy, op.operationId());
            assertThat(op.hashCode()).isEqualTo(op.operationId().hashCode());
        }
    }
}
