package io.concbench.report;

import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGIDGenerator;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A chart drawn into inline SVG by Apache Batik's SVG generator (Apache-2.0), written compactly: no XML
 * declaration, no DOCTYPE, no comment, every id of the chart prefixed with its own.
 */
final class ChartSvg {

  private static final String SVG = "http://www.w3.org/2000/svg";
  private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
  private static final String XLINK = "http://www.w3.org/1999/xlink";

  private ChartSvg() {}

  /**
   * The chart as an {@code <svg>} element that scales with the page. {@code id} must be unique in the page:
   * it also prefixes the ids of the chart's clip paths and gradients, which would otherwise repeat in every
   * chart of the document.
   */
  static String svg(JFreeChart chart, int width, int height, String id, Font defaultFont) {
    SVGGeneratorContext context = SVGGeneratorContext.createDefault(newDocument());
    context.setComment(null);
    context.setIDGenerator(new PrefixedIds(id + "-"));
    SVGGeneratorContext.GraphicContextDefaults defaults = new SVGGeneratorContext.GraphicContextDefaults();
    defaults.setFont(defaultFont); // else the root names Java's "Dialog", which no browser knows
    context.setGraphicContextDefaults(defaults);
    SvgGraphics g2 = new SvgGraphics(context);
    g2.setSVGCanvasSize(new Dimension(width, height));
    // Without it, Batik turns JFreeChart's anti-aliasing into text-rendering="optimizeLegibility" on every group;
    // the browser's own choice for text is what the charts had.
    g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_DEFAULT);
    chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));

    Element root = g2.getRoot();
    root.setAttributeNS(XMLNS, "xmlns", SVG);
    root.setAttributeNS(XMLNS, "xmlns:xlink", XLINK);
    root.setAttribute("id", id);
    root.setAttribute("viewBox", "0 0 " + width + " " + height);
    for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
      // Batik's one fixed id, for definitions shared by the whole drawing: empty for our charts.
      if (child instanceof Element e && "genericDefs".equals(e.getAttribute("id"))) {
        if (e.hasChildNodes()) {
          e.setAttribute("id", id + "-genericDefs");
        } else {
          root.removeChild(e);
        }
        break;
      }
    }
    StringBuilder out = new StringBuilder(16 * 1024);
    write(root, out);
    return out.toString();
  }

  /** Elements, attributes and text, all escaped; nothing else occurs in what Batik generates here. */
  private static void write(Node node, StringBuilder out) {
    if (node instanceof Element element) {
      out.append('<').append(element.getTagName());
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Node a = attributes.item(i);
        out.append(' ').append(a.getNodeName()).append("=\"").append(HtmlReport.escape(a.getNodeValue()))
            .append('"');
      }
      if (!element.hasChildNodes()) {
        out.append("/>");
        return;
      }
      out.append('>');
      for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
        write(child, out);
      }
      out.append("</").append(element.getTagName()).append('>');
    } else if (node.getNodeType() == Node.TEXT_NODE) {
      out.append(HtmlReport.escape(node.getNodeValue()));
    }
  }

  private static Document newDocument() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().getDOMImplementation().createDocument(SVG, "svg", null);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Batik's generator with two changes that keep the charts as they were drawn before (by JFreeSVG). Text is
   * measured with fractional metrics, as a browser lays it out, not with whole-pixel advances (which made
   * titles and labels a few pixels too narrow or wide, and moved the plot area). Lines drawn with normalised
   * strokes (JFreeChart's axes, tick marks, grid lines and plot outline) get {@code shape-rendering:
   * crispEdges}, so they stay sharp thin lines in a browser: Batik maps only anti-aliasing to SVG, so such a
   * line is drawn with anti-aliasing off.
   */
  private static final class SvgGraphics extends SVGGraphics2D {

    private static final FontRenderContext FRACTIONAL = new FontRenderContext(null, false, true);
    private Graphics2D metrics;

    SvgGraphics(SVGGeneratorContext context) {
      super(context, false);
    }

    private SvgGraphics(SvgGraphics g) {
      super(g);
    }

    @Override
    public Graphics create() {
      return new SvgGraphics(this);
    }

    @Override
    public FontRenderContext getFontRenderContext() {
      return FRACTIONAL;
    }

    @Override
    public FontMetrics getFontMetrics(Font font) {
      if (metrics == null) {
        metrics = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        metrics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      }
      return metrics.getFontMetrics(font);
    }

    @Override
    public void draw(Shape s) {
      if (!RenderingHints.VALUE_STROKE_NORMALIZE.equals(getRenderingHint(RenderingHints.KEY_STROKE_CONTROL))) {
        super.draw(s);
        return;
      }
      RenderingHints saved = (RenderingHints) getRenderingHints().clone(); // Batik's own, not a copy
      setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
      super.draw(s);
      setRenderingHints(saved);
    }
  }

  /** Batik's ids (clipPath1, …) made unique in the page. */
  private static final class PrefixedIds extends SVGIDGenerator {
    private final String prefix;

    PrefixedIds(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public String generateID(String kind) {
      return prefix + super.generateID(kind);
    }
  }
}
