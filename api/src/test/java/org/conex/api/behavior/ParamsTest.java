package org.conex.api.behavior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsTest {
    static final List<ParamSpec> SPECS = List.of(
            ParamSpec.of("tau", ParamKind.NUMBER_OR_TENSOR).asRequired().greaterThan(0).unit("ms"),
            ParamSpec.of("k", ParamKind.INTEGER).withDefault(1).atLeast(1),
            ParamSpec.of("mode", ParamKind.STRING).withDefault("set").oneOf("set", "add"),
            ParamSpec.of("stride", ParamKind.INTS),
            ParamSpec.of("w", ParamKind.TENSOR));

    @Test
    void convertsAndAppliesDefaults() {
        Params p = Params.validate("X", SPECS, Map.of("tau", 10, "stride", List.of(2, 1),
                "w", List.of(List.of(1, 2, 3), List.of(4, 5, 6))));
        assertEquals(10.0, p.number("tau"));
        assertEquals(1, p.integer("k"));
        assertEquals("set", p.string("mode"));
        assertArrayEquals(new int[] {2, 1}, p.ints("stride"));
        assertArrayEquals(new long[] {2, 3}, p.tensor("w").shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, p.tensor("w").data());
        assertTrue(p.isGiven("tau"));
        assertFalse(p.isGiven("k"));
    }

    @Test
    void nullMeansNotGiven() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("tau", 1.0);
        raw.put("k", null);
        assertEquals(1, Params.validate("X", SPECS, raw).integer("k"));
    }

    @Test
    void errorsNameComponentParameterExpectationAndFinding() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> Params.validate("LIF", SPECS, Map.of("tau", -5)));
        assertEquals("LIF: parameter 'tau' expected a number or a list of numbers > 0, found the number -5.0",
                e.getMessage());
        e = assertThrows(ParameterException.class, () -> Params.validate("LIF", SPECS, Map.of()));
        assertEquals("LIF: parameter 'tau' is required (a number or a list of numbers > 0) but was not given",
                e.getMessage());
        e = assertThrows(ParameterException.class, () -> Params.validate("LIF", SPECS, Map.of("tau", "ten")));
        assertTrue(e.getMessage().endsWith("found the text \"ten\""), e.getMessage());
        e = assertThrows(ParameterException.class, () -> Params.validate("LIF", SPECS, Map.of("tau", 1, "k", 1.5)));
        assertEquals("LIF: parameter 'k' expected an integer >= 1, found the number 1.5", e.getMessage());
        e = assertThrows(ParameterException.class, () -> Params.validate("LIF", SPECS, Map.of("tau", 1, "mode", "mul")));
        assertEquals("LIF: parameter 'mode' expected a text among [set, add], found the text \"mul\"", e.getMessage());
        e = assertThrows(ParameterException.class, () -> Params.validate("LIF", SPECS,
                Map.of("tau", 1, "w", List.of(List.of(1, 2), List.of(3)))));
        assertTrue(e.getMessage().contains("rectangular"), e.getMessage());
    }

    @Test
    void unknownParametersAreRejectedListingTheKnownOnes() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> Params.validate("LIF", SPECS, Map.of("tau", 1, "taus", 2)));
        assertEquals("LIF: parameter 'taus' is not a parameter of LIF; known parameters: [tau, k, mode, stride, w]",
                e.getMessage());
    }

    @Test
    void validateAllReportsEveryProblem() {
        List<ParameterException> all = Params.validateAll("LIF", SPECS, Map.of("k", 0, "mode", 3, "oops", 1));
        assertEquals(4, all.size(), all.toString());
        assertEquals(List.of("oops", "tau", "k", "mode"), all.stream().map(ParameterException::parameter).toList());
    }

    @Test
    void tensorElementsAreBoundChecked() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> Params.validate("LIF", SPECS, Map.of("tau", List.of(1, 0, 2))));
        assertTrue(e.getMessage().endsWith("for every element, found 0.0 at element 1"), e.getMessage());
    }
}
