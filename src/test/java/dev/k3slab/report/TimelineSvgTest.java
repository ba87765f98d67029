package dev.k3slab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k3slab.record.MonitorSample;
import dev.k3slab.record.RunRecord;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
