package io.concbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** A chart into inline SVG with Batik: one bare, well-formed element whose ids and text are the page's to keep. */
class ChartSvgTest {

  private static final String SVG = "http://www.w3.org/2000/svg";
  private static final String TITLE = "a < b & \"c\" 'd' \u001b[31m";

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  private static String svg(String id) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    data.addValue(1.5, "thread-pool", "2 workers");
    data.addValue(3.0, "single", "1 worker");
    JFreeChart chart = ChartFactory.createBarChart(TITLE, "case", "ms", data);
    ChartStyle.apply(chart);
    return ChartSvg.svg(chart, 600, 200, id, new Font("SansSerif", Font.PLAIN, 12));
  }

  @Test
  void isOneSvgElementWithItsIdAndAViewBoxAndNothingAroundIt() throws Exception {
    String svg = svg("chart-7");

    assertThat(svg).startsWith("<svg ").endsWith("</svg>").doesNotContain("<?xml", "<!DOCTYPE", "<!--");
    Element root = HtmlReportTest.parse(svg).getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(SVG);
    assertThat(root.getAttribute("id")).isEqualTo("chart-7");
    assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 600 200");
    assertThat(root.getAttribute("width")).isEqualTo("600");
    assertThat(root.getAttribute("height")).isEqualTo("200");
    // Java's logical font becomes CSS's generic family; "Dialog", Java-only, appears nowhere.
    assertThat(svg).contains("font-family=\"sans-serif\"").doesNotContain("Dialog");
  }

  @Test
  void everyIdInsideIsPrefixedWithTheChartsOwnSoTwoChartsNeverShareOne() throws Exception {
    List<String> ids = new ArrayList<>();
    for (String id : List.of("chart-0", "chart-1")) {
      NodeList all = HtmlReportTest.parse(svg(id)).getElementsByTagName("*");
      for (int i = 0; i < all.getLength(); i++) {
        Element e = (Element) all.item(i);
        if (e.hasAttribute("id")) {
          assertThat(e.getAttribute("id")).startsWith(id);
          ids.add(e.getAttribute("id"));
        }
      }
    }
    assertThat(ids).hasSizeGreaterThan(4).doesNotHaveDuplicates();
  }

  @Test
  void textIsEscapedAndCharactersXmlCannotHoldAreReplaced() throws Exception {
    Document svg = HtmlReportTest.parse(svg("chart-0"));

    NodeList texts = svg.getElementsByTagNameNS(SVG, "text");
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < texts.getLength(); i++) {
      shown.add(texts.item(i).getTextContent());
    }
    assertThat(shown).contains(TITLE.replace('\u001b', '\uFFFD'), "2 workers", "1 worker");
  }

  @Test
  void linesOfNormalisedStrokesAreCrispAndTheBarsAreNot() throws Exception {
    Document svg = HtmlReportTest.parse(svg("chart-0"));

    // Axes, tick marks and grid lines: JFreeChart draws each <line> with a normalised stroke.
    NodeList lines = svg.getElementsByTagNameNS(SVG, "line");
    assertThat(lines.getLength()).isGreaterThan(3);
    for (int i = 0; i < lines.getLength(); i++) {
      assertThat(shapeRendering((Element) lines.item(i))).isEqualTo("crispEdges");
    }
    // The bars (filled, in the series' colours, not white): anti-aliased as ever.
    NodeList rects = svg.getElementsByTagNameNS(SVG, "rect");
    List<String> bars = new ArrayList<>();
    for (int i = 0; i < rects.getLength(); i++) {
      Element rect = (Element) rects.item(i);
      if (!inherited(rect, "fill").equals("white") && !inherited(rect, "fill").equals("none")) {
        bars.add(shapeRendering(rect));
      }
    }
    assertThat(bars).hasSize(2).containsOnly("auto");
    // Text is left to the browser, as before: no text-rendering beyond the root's "auto".
    assertThat(svg.getDocumentElement().getAttribute("text-rendering")).isEqualTo("auto");
    assertThat(svg("chart-0").split("text-rendering=", -1)).hasSize(2);
  }

  private static String shapeRendering(Element e) {
    return inherited(e, "shape-rendering");
  }

  /** A presentation attribute's value as the element inherits it from itself or its nearest ancestor. */
  private static String inherited(Element e, String attribute) {
    for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
      if (el.hasAttribute(attribute)) {
        return el.getAttribute(attribute);
      }
    }
    return "";
  }
}
