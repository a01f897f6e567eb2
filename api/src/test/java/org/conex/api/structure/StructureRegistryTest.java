package org.conex.api.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.conex.api.ConexException;
import org.junit.jupiter.api.Test;

/** Provider bookkeeping: first registered wins, removal takes back exactly one provider's offers. */
class StructureRegistryTest {
    private static final StructureFactory NONE = c -> {
        throw new UnsupportedOperationException("not built in this test");
    };

    @Test
    void theFirstProviderKeepsANameAndALaterOneTakesOverWhenItLeaves() {
        StructureType a = StructureType.builder("Column", NONE).version("1.0.0").build();
        StructureType b = StructureType.builder("Column", NONE).version("2.0.0").build();
        StructureProvider pa = () -> List.of(a);
        StructureProvider pb = () -> List.of(b);
        StructureRegistry r = StructureRegistry.of(pa, pb);
        assertSame(a, r.find("Column").orElseThrow());
        r.remove(pa);
        assertSame(b, r.find("Column").orElseThrow());
        r.remove(pb);
        assertTrue(r.find("Column").isEmpty());
        assertEquals(List.of(), r.providers());
    }

    @Test
    void removingOneOfTwoProvidersOfTheSameTypeObjectKeepsTheOther() {
        StructureType shared = StructureType.builder("Column", NONE).build();
        StructureProvider first = () -> List.of(shared);
        StructureProvider second = () -> List.of(shared);
        StructureRegistry r = new StructureRegistry();
        r.add(first, "first");
        r.add(second, "second");
        r.remove(first);
        assertSame(shared, r.find("Column").orElseThrow(), "the second provider's offer stays");
        assertEquals(List.of("second"), r.providers());
    }

    @Test
    void removalDoesNotAskTheProviderAgainAndDoubleAddIsRefused() {
        StructureType t = StructureType.builder("Column", NONE).build();
        boolean[] stopped = {false};
        StructureProvider p = () -> {
            if (stopped[0]) {
                throw new IllegalStateException("bundle stopped");
            }
            return List.of(t);
        };
        StructureRegistry r = new StructureRegistry();
        r.add(p, "p");
        ConexException e = assertThrows(ConexException.class, () -> r.add(p, "p"));
        assertEquals("structure provider p is already registered", e.getMessage());
        stopped[0] = true;
        r.remove(p);
        assertTrue(r.find("Column").isEmpty());
    }
}
