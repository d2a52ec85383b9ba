package io.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.domain.audit.AuditPlan;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditExportsTest {

  static final AuditPlanFile.Plan PLAN = new AuditPlanFile.Plan(
      LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"),
      List.of(
          new AuditPlanFile.Entry("IA-2027-02", LocalDate.parse("2027-02-01"), "=bob", null, null,
              List.of("9.2"), "\"c\"", "", "-x"),
          new AuditPlanFile.Entry("IA-2027-01", LocalDate.parse("2027-01-11"), "alice",
              "Alice Martin", "alice@acme.example", List.of("4.1", "A.8.24"),
              "ISO/IEC 27001:2022, clause 4.1", "Context; crypto", "Interviews")),
      List.of(new AuditPlan.Unassigned("A.5.1", "only its owner can audit it")));

  @Test
  void csvHasOneSpreadsheetSafeRowPerAuditInDateOrder() {
    assertEquals("id,date,auditor,items,criteria,scope,method\r\n"
        + "IA-2027-01,2027-01-11,alice,4.1 A.8.24,\"ISO/IEC 27001:2022, clause 4.1\","
        + "Context; crypto,Interviews\r\n"
        + "IA-2027-02,2027-02-01,\"'=bob\",9.2,\"\"\"c\"\"\",,\"'-x\"\r\n",
        AuditExports.csv(PLAN));
  }

  @Test
  void icsHasOneEventPerAuditEscapedAndFolded() {
    var ics = AuditExports.ics(PLAN, Instant.parse("2027-01-01T08:30:15.500Z"));
    assertEquals(String.join("\r\n",
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Vigil//Internal audit programme//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Internal audits 2027-01-01 to 2027-12-31",
        "BEGIN:VEVENT",
        "UID:IA-2027-01@vigil",
        "DTSTAMP:20270101T083015Z",
        "DTSTART;VALUE=DATE:20270111",
        "DTEND;VALUE=DATE:20270112",
        "SUMMARY:Internal audit IA-2027-01: 4.1\\, A.8.24",
        "DESCRIPTION:Scope: Context\\; crypto\\nCriteria: ISO/IEC 27001:2022\\, clause ",
        " 4.1\\nMethod: Interviews\\nItems: 4.1\\, A.8.24\\nAuditor: Alice Martin (alice",
        " )",
        "ATTENDEE;CN=Alice Martin;ROLE=REQ-PARTICIPANT:mailto:alice@acme.example",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:IA-2027-02@vigil",
        "DTSTAMP:20270101T083015Z",
        "DTSTART;VALUE=DATE:20270201",
        "DTEND;VALUE=DATE:20270202",
        "SUMMARY:Internal audit IA-2027-02: 9.2",
        "DESCRIPTION:Scope: \\nCriteria: \"c\"\\nMethod: -x\\nItems: 9.2\\nAuditor: =bob",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "END:VCALENDAR",
        ""), ics);
    for (var line : ics.split("\r\n")) {
      assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
    }
    assertTrue(!ics.replace("\r\n", "").contains("\n"), "only CRLF line ends");
  }

  @Test
  void icsUidIsStablePerAuditId() {
    var a = AuditExports.ics(PLAN, Instant.parse("2027-01-01T00:00:00Z"));
    var b = AuditExports.ics(PLAN, Instant.parse("2027-03-01T00:00:00Z"));
    assertEquals(a.lines().filter(l -> l.startsWith("UID:")).toList(),
        b.lines().filter(l -> l.startsWith("UID:")).toList());
  }

  @Test
  void foldsAt75OctetsWithALeadingSpace() {
    var s75 = "X".repeat(75);
    assertEquals(s75 + "\r\n", AuditExports.fold(s75));
    assertEquals(s75 + "\r\n Y\r\n", AuditExports.fold(s75 + "Y"));
    var long160 = "a".repeat(160);
    assertEquals("a".repeat(75) + "\r\n " + "a".repeat(74) + "\r\n " + "a".repeat(11) + "\r\n",
        AuditExports.fold(long160));
  }

  @Test
  void neverSplitsAMultiByteCharacter() {
    var line = "DESCRIPTION:" + "é".repeat(40);
    var folded = AuditExports.fold(line);
    assertEquals("DESCRIPTION:" + "é".repeat(31) + "\r\n " + "é".repeat(9) + "\r\n", folded);
    for (var l : folded.split("\r\n")) {
      assertTrue(l.getBytes(StandardCharsets.UTF_8).length <= 75, l);
    }
    assertEquals(line, folded.replace("\r\n ", "").replace("\r\n", ""));
  }

  @Test
  void escapesTextAndQuotesParameters() {
    assertEquals("a\\\\b\\;c\\,d\\ne\\nf", AuditExports.text("a\\b;c,d\ne\r\nf"));
    assertEquals("\"Doe, Jane\"", AuditExports.param("Doe, \"Jane\""));
    assertEquals("Jane Doe", AuditExports.param("Jane Doe"));
  }
}
