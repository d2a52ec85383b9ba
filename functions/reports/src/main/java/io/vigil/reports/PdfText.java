package io.vigil.reports;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text for a standard-14 font: the fonts use WinAnsiEncoding, which has no "≥", "→" or CJK
 * characters, and PDFBox refuses to show what the font cannot encode. Every character the font
 * can encode is kept; the others become an ASCII equivalent ("≥" → ">=", "→" → "->", "…" →
 * "..."), an accent-free letter ("ő" → "o"), or "?" — never an exception.
 */
final class PdfText {

  private static final Map<Integer, String> ASCII = new HashMap<>();

  static {
    ASCII.put(0x2265, ">=");
    ASCII.put(0x2264, "<=");
    ASCII.put(0x2260, "!=");
    ASCII.put(0x2248, "~");
    ASCII.put(0x2192, "->");
    ASCII.put(0x2190, "<-");
    ASCII.put(0x2194, "<->");
    ASCII.put(0x21D2, "=>");
    ASCII.put(0x2191, "^");
    ASCII.put(0x2193, "v");
    ASCII.put(0x2212, "-");
    ASCII.put(0x2010, "-");
    ASCII.put(0x2011, "-");
    ASCII.put(0x2012, "-");
    ASCII.put(0x2013, "-");
    ASCII.put(0x2014, "-");
    ASCII.put(0x2015, "-");
    ASCII.put(0x2026, "...");
    ASCII.put(0x201C, "\"");
    ASCII.put(0x201D, "\"");
    ASCII.put(0x201E, "\"");
    ASCII.put(0x2018, "'");
    ASCII.put(0x2019, "'");
    ASCII.put(0x201A, "'");
    ASCII.put(0x2022, "*");
    ASCII.put(0x00B7, ".");
    ASCII.put(0x2713, "v");
    ASCII.put(0x2714, "v");
    ASCII.put(0x2717, "x");
    ASCII.put(0x2718, "x");
    ASCII.put(0x00D7, "x");
    ASCII.put(0x00F7, "/");
    ASCII.put(0x20AC, "EUR");
    ASCII.put(0x2122, "(TM)");
    ASCII.put(0x00A9, "(c)");
    ASCII.put(0x00AE, "(R)");
    ASCII.put(0x00A0, " ");
    ASCII.put(0x202F, " ");
    ASCII.put(0x2009, " ");
    ASCII.put(0x2002, " ");
    ASCII.put(0x2003, " ");
    ASCII.put(0x200B, "");
    ASCII.put(0x200C, "");
    ASCII.put(0x200D, "");
    ASCII.put(0xFEFF, "");
    ASCII.put(0x00AD, "");
  }

  private final Map<PDFont, Map<Integer, String>> cache = new HashMap<>();

  /** {@code text} made showable in {@code font}: one line (line breaks become spaces). */
  String clean(String text, PDFont font) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    var known = cache.computeIfAbsent(font, f -> new HashMap<>());
    var out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> out.append(known.computeIfAbsent(cp, c -> map(c, font))));
    return out.toString();
  }

  private static String map(int cp, PDFont font) {
    if (cp == '\n' || cp == '\r' || cp == '\t' || Character.isWhitespace(cp)) {
      return " ";
    }
    if (Character.isISOControl(cp)) {
      return "";
    }
    var s = new String(Character.toChars(cp));
    if (encodable(s, font)) {
      return s;
    }
    var ascii = ASCII.get(cp);
    if (ascii != null) {
      return ascii;
    }
    var stripped = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    if (!stripped.isEmpty() && !stripped.equals(s)) {
      var sb = new StringBuilder();
      for (int i = 0; i < stripped.length(); i++) {
        var one = String.valueOf(stripped.charAt(i));
        sb.append(encodable(one, font) ? one : "?");
      }
      return sb.toString();
    }
    return "?";
  }

  private static boolean encodable(String s, PDFont font) {
    try {
      font.encode(s);
      return true;
    } catch (IllegalArgumentException | java.io.IOException e) {
      return false;
    }
  }
}
