package org.conex.runtime.conformance;

/**
 * Outcome of one conformance case.
 *
 * @param name   case name
 * @param status PASS, FAIL or UNSUPPORTED
 * @param detail for FAIL: worst variable, step and error/tolerance; for UNSUPPORTED: the missing
 *               behaviors; empty for PASS
 */
public record CaseResult(String name, Status status, String detail) {
    /** PASS: every value within tolerance; FAIL: a mismatch or an error; UNSUPPORTED: a behavior is not installed. */
    public enum Status { PASS, FAIL, UNSUPPORTED }

    /** The report line: {@code PASS name}, {@code FAIL name detail}, {@code UNSUPPORTED name detail}. */
    public String line() {
        return detail.isEmpty() ? status + " " + name : status + " " + name + " " + detail;
    }
}
