package dev.k3slab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k3slab.record.ExperimentRecord;
import dev.k3slab.record.MonitorSample;
import dev.k3slab.record.RunRecord;
import dev.k3slab.record.StepRecord;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class TimelineSvgTest {

    @Test
    void theTimelineIsWellFormedSvgWithALanePerNodeAndTheStepsMarked() throws Exception {
        List<Timeline> timelines = TimelineSvg.draw(SourceRun.run());
        assertThat(timelines).hasSize(1);
        Timeline t = timelines.get(0);
        assertThat(t.from()).isEqualTo("cp-1");
        assertThat(t.start()).isEqualTo("2026-02-22T05:40:00Z");

        Document svg = parse(t.svg());
        assertThat(texts(svg, "//*[local-name()='text']")).contains("cp-1", "cp-2", "cp-3", "w-1", "w-2", "etcd members",
                "RAFT TERM", "4a", "4b", "4c", "5a", "5b", "5c", "+0:00", "lab clock");
        List<String> cp3 = texts(svg, "//*[local-name()='rect']/*[local-name()='title'][starts-with(., 'cp-3:')]");
        // NotReady while 4a restarts it, Ready, NotReady from 4b, not listed after 5b's delete, back and Ready in 5c.
        assertThat(cp3).extracting(s -> s.replaceAll(" from .*", "")).containsSubsequence(
                "cp-3: NotReady", "cp-3: Ready", "cp-3: NotReady", "cp-3: not listed", "cp-3: NotReady", "cp-3: Ready");
        assertThat(cp3.get(0)).isEqualTo("cp-3: NotReady from 2026-02-22T05:40:00Z to 2026-02-22T05:40:30Z");
        assertThat(texts(svg, "//*[local-name()='line']/*[local-name()='title']"))
                .contains("4b step 3: start k3s server without join flags (2026-02-22T05:50:10Z)");
        assertThat(texts(svg, "//*[local-name()='circle']/*[local-name()='title']")).containsExactly("1 at 2026-02-22T07:00:05Z");
        assertThat(texts(svg, "//*[local-name()='text'][@class='tl-small']")).contains("3", "4");
    }

    @Test
    void aGapInTheSamplingIsLeftEmptyInsteadOfStretchingTheLastState() throws Exception {
        List<MonitorSample> samples = new ArrayList<>(SourceRun.timeline().subList(0, 4));
        MonitorSample late = SourceRun.timeline().get(100);
        samples.add(late);
        RunRecord run = SourceRun.run(List.of(), samples);
        Document svg = parse(TimelineSvg.draw(run).get(0).svg());
        List<String> cp1 = texts(svg, "//*[local-name()='rect']/*[local-name()='title'][starts-with(., 'cp-1:')]");
        assertThat(cp1).containsExactly("cp-1: Ready from 2026-02-22T05:40:00Z to 2026-02-22T05:40:30Z",
                "cp-1: Ready from " + Formats.instant(late.at()) + " to " + Formats.instant(late.at().plusSeconds(5)));
        assertThat(texts(svg, "//*[local-name()='g'][@class='tl-axis-break']/*[local-name()='text']"))
                .singleElement().asString().matches("≈ \\d+ min not monitored");
    }

    @Test
    void aSampleWhoseProbeFailedShowsNoDataAndUnreadValuesBreakTheLines() throws Exception {
        MonitorSample ok = SourceRun.timeline().get(0);
        MonitorSample broken = new MonitorSample(ok.at().plusSeconds(5), "cp-1", "4a", "step", List.of(), null, null, null,
                "The connection to the server 127.0.0.1:6443 was refused");
        Document svg = parse(TimelineSvg.draw(SourceRun.run(List.of(), List.of(ok, broken))).get(0).svg());
        assertThat(texts(svg, "//*[local-name()='rect']/*[local-name()='title']"))
                .contains("cp-2: no data from 2026-02-22T05:40:05Z to 2026-02-22T05:40:10Z");
    }

    @Test
    void aMonitorThatNeverReadEtcdSaysSoInsteadOfDrawingALine() throws Exception {
        MonitorSample s = SourceRun.timeline().get(0);
        MonitorSample nodesOnly = new MonitorSample(s.at(), s.from(), s.experiment(), s.step(), s.nodes(), null, null, null, null);
        Document svg = parse(TimelineSvg.draw(SourceRun.run(List.of(), List.of(nodesOnly))).get(0).svg());
        assertThat(texts(svg, "//*[local-name()='text']")).contains("not read by the monitor");
        assertThat(texts(svg, "//*[local-name()='path']")).isEmpty();
    }

    @Test
    void noSamplesGiveNoTimelineAndTwoMonitoringNodesGiveOneEach() {
        assertThat(TimelineSvg.draw(SourceRun.run(SourceRun.experiments(), List.of()))).isEmpty();
        MonitorSample s = SourceRun.timeline().get(0);
        MonitorSample fromCp2 = new MonitorSample(s.at(), "cp-2", s.experiment(), s.step(), s.nodes(), 3, 0, 4L, null);
        assertThat(TimelineSvg.draw(SourceRun.run(List.of(), List.of(s, fromCp2)))).extracting(Timeline::from)
                .containsExactly("cp-1", "cp-2");
    }

    @Test
    void aLongSpanWithoutChangeIsDrawnAsAFixedWidthBreakSayingHowLongItStandsFor() throws Exception {
        String svgText = TimelineSvg.draw(SourceRun.run()).get(0).svg();
        assertThat(svgText).doesNotContain("NaN").doesNotContain("Infinity");
        Document svg = parse(svgText);
        // 5a's wait: from its step at 06:10:00 until 5b starts at 06:50:00, less 20 s of context at each end.
        assertThat(texts(svg, "//*[local-name()='g'][@class='tl-axis-break']/*[local-name()='title']"))
                .contains("≈ 39 min with no change: 2026-02-22T06:10:20Z to 2026-02-22T06:49:40Z (lab clock)");
        assertThat(texts(svg, "//*[local-name()='g'][@class='tl-axis-break']/*[local-name()='text']"))
                .contains("≈ 39 min with no change", "≈ 9 min with no change");
        assertThat(numbers(svg, "//*[local-name()='g'][@class='tl-axis-break']/*[local-name()='rect']/@width"))
                .isNotEmpty().allSatisfy(w -> assertThat(w).isEqualTo(TimelineAxis.BREAK_WIDTH));
        // What is left of the 81 minutes on a proportional scale: cp-3's 30 s NotReady in 4a gets room.
        List<Double> cp3 = numbers(svg, "//*[local-name()='rect'][starts-with(*[local-name()='title'], 'cp-3: NotReady from "
                + "2026-02-22T05:40:00Z')]/@width");
        assertThat(cp3).singleElement().satisfies(w -> assertThat(w).isGreaterThan(40));
    }

    @Test
    void markersStayAtTheirPlacesOutsideTheBreaksAndTicksAvoidThem() throws Exception {
        Document svg = parse(TimelineSvg.draw(SourceRun.run()).get(0).svg());
        List<double[]> bands = new ArrayList<>();
        List<Double> x = numbers(svg, "//*[local-name()='g'][@class='tl-axis-break']/*[local-name()='rect']/@x");
        for (double x0 : x) {
            bands.add(new double[] {x0, x0 + TimelineAxis.BREAK_WIDTH});
        }
        List<Double> markers = numbers(svg, "//*[local-name()='line'][*[local-name()='title']]/@x1");
        assertThat(markers).hasSizeGreaterThan(10).allSatisfy(m -> assertThat(bands)
                .noneSatisfy(b -> assertThat(m).isStrictlyBetween(b[0], b[1])));
        assertThat(markers).isSorted();
        double hold = markerX(svg, "5a step 1: ");
        double afterHold = markerX(svg, "5b step 1: ");
        assertThat(bands).anySatisfy(b -> assertThat(b[0]).isGreaterThan(hold).isLessThan(afterHold));
        List<Double> ticks = numbers(svg, "//*[local-name()='text'][starts-with(., '+')]/@x");
        assertThat(ticks).hasSizeGreaterThan(5).isSorted().allSatisfy(t -> assertThat(bands)
                .noneSatisfy(b -> assertThat(t).isBetween(b[0] - 10, b[1] + 10)));
    }

    @Test
    void experimentLabelsAreInOrderAndNeverOverlapEvenWhenExperimentsStartAtOneInstant() throws Exception {
        List<ExperimentRecord> experiments = new ArrayList<>(SourceRun.experiments());
        // 5b took no lab time (as on the emulated lab): 5c starts at the very instant 5b did.
        ExperimentRecord fiveB = experiments.get(8);
        ExperimentRecord fiveC = experiments.get(9);
        Instant at = fiveB.steps().get(0).labStarted();
        experiments.set(9, new ExperimentRecord(fiveC.id(), fiveC.title(), fiveC.file(), fiveC.verdict(), fiveC.started(),
                fiveC.tookMillis(), 0, null, fiveC.steps().stream().map(st -> new StepRecord(st.index(), st.name(), st.kind(),
                st.node(), st.started(), st.tookMillis(), at, 0, st.outcome(), st.message(), st.commands())).toList(),
                fiveC.observations(), fiveC.checks(), fiveC.splitBrain(), fiveC.bootCases(), fiveC.evidence()));
        Document svg = parse(TimelineSvg.draw(SourceRun.run(experiments, SourceRun.timeline())).get(0).svg());
        String labels = "//*[local-name()='text'][@class='tl-label']";
        assertThat(texts(svg, labels)).containsExactly("4a", "4b", "4c", "5a", "5b", "5c");
        List<Double> xs = numbers(svg, labels + "/@x");
        List<Double> ys = numbers(svg, labels + "/@y");
        assertThat(xs).isSorted();
        assertThat(ys.get(5)).as("5c goes to another row than 5b").isNotEqualTo(ys.get(4));
        for (int i = 0; i < xs.size(); i++) {
            for (int j = i + 1; j < xs.size(); j++) {
                if (ys.get(i).equals(ys.get(j))) {
                    assertThat(xs.get(j) - xs.get(i)).as("labels %d and %d in one row", i, j).isGreaterThanOrEqualTo(2 * TimelineMarks.LABEL_CHAR);
                }
            }
        }
    }

    @Test
    void samplesAllAtOneInstantStillDrawAWellFormedImageWithoutNaN() throws Exception {
        MonitorSample s = SourceRun.timeline().get(0);
        String svg = TimelineSvg.draw(SourceRun.run(SourceRun.experiments(), List.of(s, s, s))).get(0).svg();
        assertThat(svg).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(texts(parse(svg), "//*[local-name()='text']")).contains("+0:00", "4a");
    }

    private static double markerX(Document svg, String titleStart) throws Exception {
        return numbers(svg, "//*[local-name()='line'][starts-with(*[local-name()='title'], '" + titleStart + "')]/@x1").get(0);
    }

    private static List<Double> numbers(Document doc, String xpath) throws Exception {
        return texts(doc, xpath).stream().map(Double::parseDouble).toList();
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document doc, String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }
}
