package io.concbench.report;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * JUnit XML as CI dashboards read it (the Ant/Surefire dialect): test suites of test cases, each passed or
 * with one {@code <failure>}. Built with the JDK's DOM so that every name and message is escaped.
 */
final class JunitXml {

  /**
   * One test case; {@code failure} null when it passed; {@code properties} figures a dashboard may show
   * beside it (a rate run's), in order, none for most.
   */
  record TestCase(String suite, String name, double seconds, String failure, String details,
      Map<String, String> properties) {

    TestCase(String suite, String name, double seconds, String failure, String details) {
      this(suite, name, seconds, failure, details, Map.of());
    }
  }

  private JunitXml() {}

  static String render(String name, List<TestCase> cases) {
    try {
      Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
      Element root = document.createElement("testsuites");
      root.setAttribute("name", name);
      root.setAttribute("tests", Integer.toString(cases.size()));
      root.setAttribute("failures", Long.toString(cases.stream().filter(c -> c.failure() != null).count()));
      document.appendChild(root);
      Map<String, List<TestCase>> suites = new LinkedHashMap<>();
      cases.forEach(c -> suites.computeIfAbsent(c.suite(), s -> new ArrayList<>()).add(c));
      for (Map.Entry<String, List<TestCase>> suite : suites.entrySet()) {
        Element suiteElement = document.createElement("testsuite");
        suiteElement.setAttribute("name", suite.getKey());
        suiteElement.setAttribute("tests", Integer.toString(suite.getValue().size()));
        suiteElement.setAttribute("failures",
            Long.toString(suite.getValue().stream().filter(c -> c.failure() != null).count()));
        suiteElement.setAttribute("errors", "0");
        suiteElement.setAttribute("skipped", "0");
        suiteElement.setAttribute("time", seconds(suite.getValue().stream().mapToDouble(TestCase::seconds).sum()));
        for (TestCase c : suite.getValue()) {
          Element testCase = document.createElement("testcase");
          testCase.setAttribute("classname", c.suite());
          testCase.setAttribute("name", c.name());
          testCase.setAttribute("time", seconds(c.seconds()));
          if (!c.properties().isEmpty()) {
            Element properties = document.createElement("properties");
            c.properties().forEach((key, value) -> {
              Element property = document.createElement("property");
              property.setAttribute("name", key);
              property.setAttribute("value", value);
              properties.appendChild(property);
            });
            testCase.appendChild(properties);
          }
          if (c.failure() != null) {
            Element failure = document.createElement("failure");
            failure.setAttribute("message", c.failure());
            failure.setAttribute("type", "concbench");
            failure.setTextContent(c.details());
            testCase.appendChild(failure);
          }
          suiteElement.appendChild(testCase);
        }
        root.appendChild(suiteElement);
      }
      var transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.INDENT, "yes");
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
      StringWriter text = new StringWriter();
      transformer.transform(new DOMSource(document), new StreamResult(text));
      return text + "\n";
    } catch (ParserConfigurationException | TransformerException e) {
      throw new IllegalStateException("the JDK's XML support failed", e);
    }
  }

  private static String seconds(double seconds) {
    return Units.format("%.6f", seconds);
  }
}
