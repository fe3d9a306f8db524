package org.servicequality.ledger.query.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.servicequality.ledger.api.board.FindDepartmentBoard;
import org.servicequality.ledger.api.board.FindPublicBoard;
import org.servicequality.ledger.api.board.PublicBoard;
import org.servicequality.ledger.query.asof.AsOfViews;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.servicequality.ledger.query.PublicWebPages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.servicequality.ledger.api.board.FindCheckpoints;
import org.servicequality.ledger.api.board.PublishedCheckpoints;
import org.springframework.http.ProblemDetail;

/**
 * The public disclosure board, open to everyone without login: a web page per language, JSON and CSV.
 * Nothing here can show a complainant's personal data: the read model never holds it.
 */
@Controller
@Tag(name = BoardController.OPEN_DATA, description = BoardController.OPEN_DATA_TERMS)
class BoardController implements PublicWebPages {

    static final String OPEN_DATA = "Open data: public board";

    /** For outside users of the open data; the long form is docs/open-data.md. */
    static final String OPEN_DATA_TERMS = """
            The organisation's public disclosure board (服务质量公示), open to everyone without login. It never carries \
            personal data of complainants: staff named in a negative inspection finding appear by role only, praised staff \
            by employee number, names never. \
            **Period**: the current calendar month in the organisation's time zone (setting `ledger.time-zone`, default \
            Asia/Shanghai); rates and shares are that month's department scorecard figures (formulas: docs/scoring.md, \
            version in `scoringVersion`). **Formats**: instants ISO-8601 in UTC, dates `yyyy-MM-dd`, shares fractions 0 to 1, \
            an unknown rate `null` in JSON and empty in CSV; CSV is RFC 4180, UTF-8, header row first, lists joined with `;`. \
            **Licence**: published by the operating organisation for public supervision; the terms of reuse are the \
            organisation's own, stated in this document's `info.license` when it has set them.""";

    /** Column order of the board CSV; documented in docs/open-data.md. */
    static final String[] CSV_COLUMNS = {"department_id", "name_zh", "name_en", "kind", "period",
            "star_rating", "star_rating_period", "complaints", "service_contacts", "complaints_per_10k", "commendations",
            "reply_on_time_share", "resolution_share", "open_rectifications", "overdue_rectifications",
            "filed_this_month", "replied_this_month", "resolved_this_month", "filed_total", "replied_total", "resolved_total"};

    static final String[] RECTIFICATION_COLUMNS = {"department_id", "rectification_id", "source", "required_action",
            "due_date", "status", "overdue"};

    static final String[] FINDING_COLUMNS = {"department_id", "inspection_id", "method", "conducted_at", "circulated_at",
            "finding_id", "standard_clause", "severity", "points_deducted", "positive", "staff_roles",
            "praised_employee_numbers", "description", "department_reply", "appeal_outcome", "appeal_decision_reason"};

    static final String[] CHECKPOINT_COLUMNS = {"first_global_index", "last_global_index", "event_count", "merkle_root",
            "recorded_at"};

    /** Seconds a client is asked to wait when the board is not ready: the first computation is usually done by then. */
    static final String RETRY_AFTER_SECONDS = "2";

    private final AsOfViews views;
    private final Clock organisationClock;
    private final LiveBoard liveBoard;
    private final ObjectMapper json;

    BoardController(AsOfViews views, Clock organisationClock, LiveBoard liveBoard, ObjectMapper json) {
        this.views = views;
        this.organisationClock = organisationClock;
        this.liveBoard = liveBoard;
        this.json = json;
    }

    @Operation(summary = "The board: every department's figures for the current month", description = """
            One row per registered department, ordered by id. `thisMonth` and `total`: complaint and suggestion events \
            filed, replied and resolved this month and ever (raw activity, including items later marked invalid). \
            `figures`: this month's scorecard: valid complaints received, service contacts, complaints per 10,000 \
            contacts, verified commendations, on-time reply share, resolution share. `starRating`: the current rating \
            (1 to 5 stars, `null` when never rated). `openRectifications`: not yet verified, earliest due first, `overdue` \
            when past the due date. `trendComplaints`/`trendCommendations`: per month of `trendMonths`.""")
    @ApiResponse(responseCode = "200", description = "The board", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = PublicBoard.class)))
    @GetMapping(path = "/api/board", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> board(@RequestParam(required = false) String asOf,
                                 @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding)
            throws JsonProcessingException {
        AsOfViews.ReadSide view = views.at(asOf);
        if (view.asOf() != null) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(board(view)));
        }
        // The live board is sent as it was written and compressed when computed: at hundreds of requests a second,
        // writing it again for each was most of what a request cost. Its entity tag lets a polling client revalidate
        // (Spring answers a matching If-None-Match with 304 and no body).
        LiveBoard.Json live = liveBoard.json();
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noCache()).varyBy(HttpHeaders.ACCEPT_ENCODING);
        if (acceptsGzip(acceptEncoding)) {
            return answer.eTag(live.etag() + "-gzip").header(HttpHeaders.CONTENT_ENCODING, "gzip").body(live.gzipped());
        }
        return answer.eTag(live.etag()).body(live.plain());
    }

    /** Whether an {@code Accept-Encoding} header (RFC 9110, 12.5.3) accepts gzip: named, with a quality above zero. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] nameAndParameters = coding.split(";");
            String name = nameAndParameters[0].trim();
            if (name.equalsIgnoreCase("gzip") || name.equalsIgnoreCase("x-gzip")) {
                for (int i = 1; i < nameAndParameters.length; i++) {
                    String parameter = nameAndParameters[i].trim();
                    if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                        try {
                            return Double.parseDouble(parameter.substring(2).trim()) > 0;
                        } catch (NumberFormatException malformed) {
                            return false;
                        }
                    }
                }
                return true;
            }
        }
        return false;
    }

    @Operation(summary = "One department's board page", description = """
            The department's row as in the board, its standing service commitments, phrase standard, circulated \
            inspections with their findings (the 30 most recent; appeal outcome `null` when not appealed), rectifications \
            (open ones and the 30 most recently verified), rating history and the 30 most recent verified commendations.""")
    @ApiResponse(responseCode = "200", description = "The department's page")
    @ApiResponse(responseCode = "404", description = "No department with this id (problem body)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping(path = "/api/board/departments/{departmentId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    PublicBoard.DepartmentPage department(@PathVariable String departmentId, @RequestParam(required = false) String asOf) {
        return departmentOrNotFound(views.at(asOf), departmentId);
    }

    @Operation(summary = "The board as CSV (board-<period>.csv)", description = """
            One row per department. Columns: department_id, name_zh, name_en, kind, period (the current month), \
            star_rating, star_rating_period, complaints, service_contacts, complaints_per_10k, commendations, \
            reply_on_time_share, resolution_share (this month's scorecard), open_rectifications, overdue_rectifications, \
            filed_this_month, replied_this_month, resolved_this_month, filed_total, replied_total, resolved_total.""")
    @ApiResponse(responseCode = "200", description = "RFC 4180 CSV, UTF-8, header row first", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"), examples = @ExampleObject(value = """
            department_id,name_zh,name_en,kind,period,star_rating,star_rating_period,complaints,service_contacts,complaints_per_10k,commendations,reply_on_time_share,resolution_share,open_rectifications,overdue_rectifications,filed_this_month,replied_this_month,resolved_this_month,filed_total,replied_total,resolved_total
            LAB,检验科,Laboratory,MEDICAL_TECHNICAL,2026-11,4,2026-Q3,2,12000,1.67,3,1.0,0.5,1,0,2,2,1,40,39,38
            """)))
    @GetMapping(path = "/api/board.csv", produces = "text/csv")
    ResponseEntity<String> boardCsv(@RequestParam(required = false) String asOf) throws IOException {
        PublicBoard board = board(views.at(asOf));
        return csv("board-" + board.period() + ".csv", CSV_COLUMNS, printer -> {
            for (PublicBoard.DepartmentRow row : board.departments()) {
                PublicBoard.MonthFigures figures = row.figures();
                printer.printRecord(row.departmentId(), row.nameZh(), row.nameEn(), row.kind(), board.period(),
                        row.starRating() == null ? null : row.starRating().stars(),
                        row.starRating() == null ? null : row.starRating().period(),
                        figures == null ? null : figures.complaints(),
                        figures == null ? null : figures.serviceContacts(),
                        figures == null ? null : figures.complaintsPer10k(),
                        figures == null ? null : figures.commendations(),
                        figures == null ? null : figures.replyOnTimeShare(),
                        figures == null ? null : figures.resolutionShare(),
                        row.openRectifications().size(),
                        row.openRectifications().stream().filter(PublicBoard.Rectification::overdue).count(),
                        row.thisMonth().filed(), row.thisMonth().replied(), row.thisMonth().resolved(),
                        row.total().filed(), row.total().replied(), row.total().resolved());
            }
        });
    }

    @Operation(summary = "Every open rectification as CSV (open-rectifications-<period>.csv)", description = "Columns: department_id, rectification_id, source (COMPLAINT or FINDING), required_action, due_date (yyyy-MM-dd), " +
            "status (ORDERED, IN_PROGRESS, EVIDENCE_SUBMITTED), overdue (true when past the due date).")
    @ApiResponse(responseCode = "200", description = "RFC 4180 CSV, UTF-8, header row first", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @GetMapping(path = "/api/board/rectifications.csv", produces = "text/csv")
    ResponseEntity<String> openRectificationsCsv(@RequestParam(required = false) String asOf) throws IOException {
        PublicBoard board = board(views.at(asOf));
        return csv("open-rectifications-" + board.period() + ".csv", RECTIFICATION_COLUMNS, printer -> {
            for (PublicBoard.DepartmentRow row : board.departments()) {
                for (PublicBoard.Rectification rectification : row.openRectifications()) {
                    printer.printRecord(row.departmentId(), rectification.rectificationId(), rectification.source(),
                            rectification.requiredAction(), rectification.dueDate(), rectification.status(), rectification.overdue());
                }
            }
        });
    }

    /** Every checkpoint digest, oldest first: the open-data copy outsiders keep (docs/audit.md). */
    @Operation(summary = "Every published checkpoint digest of the event store, oldest first", description = "Each entry covers "
            + "the events from firstGlobalIndex to lastGlobalIndex (eventCount of them) with the Merkle root of their hashes, "
            + "recorded at recordedAt (UTC). Keep a copy: a later list must start with it (docs/audit.md).")
    @GetMapping(path = "/api/board/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    PublishedCheckpoints checkpoints() {
        return allCheckpoints();
    }

    @Operation(summary = "The checkpoint digests as CSV (checkpoints.csv)", description = "Columns: first_global_index, "
            + "last_global_index, event_count, merkle_root, recorded_at; oldest first.")
    @GetMapping(path = "/api/board/checkpoints.csv", produces = "text/csv")
    ResponseEntity<String> checkpointsCsv() throws IOException {
        return csv("checkpoints.csv", CHECKPOINT_COLUMNS, printer -> {
            for (PublicBoard.Checkpoint checkpoint : allCheckpoints().checkpoints()) {
                printer.printRecord(checkpoint.firstGlobalIndex(), checkpoint.lastGlobalIndex(), checkpoint.eventCount(),
                        checkpoint.merkleRoot(), checkpoint.recordedAt());
            }
        });
    }

    @Operation(summary = "A department's circulated inspection findings as CSV (findings-<departmentId>.csv)", description = "Columns: department_id, inspection_id, method, conducted_at, circulated_at, finding_id, standard_clause, " +
            "severity (MINOR, MAJOR, SERIOUS; empty for a positive finding), points_deducted, positive, staff_roles, " +
            "praised_employee_numbers, description, department_reply, appeal_outcome (empty: not appealed; PENDING, UPHELD, " +
            "OVERTURNED), appeal_decision_reason.")
    @ApiResponse(responseCode = "200", description = "RFC 4180 CSV, UTF-8, header row first", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No department with this id (problem body)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping(path = "/api/board/departments/{departmentId}/findings.csv", produces = "text/csv")
    ResponseEntity<String> findingsCsv(@PathVariable String departmentId, @RequestParam(required = false) String asOf) throws IOException {
        PublicBoard.DepartmentPage page = departmentOrNotFound(views.at(asOf), departmentId);
        return csv("findings-" + departmentId + ".csv", FINDING_COLUMNS, printer -> {
            for (PublicBoard.Inspection inspection : page.inspections()) {
                for (PublicBoard.Finding finding : inspection.findings()) {
                    printer.printRecord(departmentId, inspection.inspectionId(), inspection.method(), inspection.conductedAt(),
                            inspection.circulatedAt(), finding.findingId(), finding.standardClause(), finding.severity(),
                            finding.pointsDeducted(), finding.positive(), String.join(";", finding.staffRoles()),
                            String.join(";", finding.praisedEmployeeNumbers()), finding.description(), finding.departmentReply(),
                            finding.appealOutcome(), finding.appealDecisionReason());
                }
            }
        });
    }

    @Operation(summary = "The board as a web page (Chinese and English)", description = "The same content as GET /api/board, as HTML for people.")
    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    String page(@RequestParam(required = false) String asOf, Model model) {
        AsOfViews.ReadSide view = views.at(asOf);
        PublicBoard board = board(view);
        Map<String, TrendChart> charts = new LinkedHashMap<>();
        for (PublicBoard.DepartmentRow row : board.departments()) {
            charts.put(row.departmentId(), TrendChart.of(board.trendMonths(), row.trendComplaints(), row.trendCommendations()));
        }
        model.addAttribute("board", board);
        model.addAttribute("charts", charts);
        addAsOf(model, view);
        return "board";
    }

    @Operation(summary = "A department's board page as a web page", description = "The same content as GET /api/board/departments/{departmentId}, as HTML for people.")
    @GetMapping(path = "/departments/{departmentId}", produces = MediaType.TEXT_HTML_VALUE)
    String departmentPage(@PathVariable String departmentId, @RequestParam(required = false) String asOf, Model model) {
        AsOfViews.ReadSide view = views.at(asOf);
        PublicBoard board = board(view);
        PublicBoard.DepartmentPage page = departmentOrNotFound(view, departmentId);
        model.addAttribute("page", page);
        model.addAttribute("department", page.department());
        model.addAttribute("period", board.period());
        model.addAttribute("chart", TrendChart.of(board.trendMonths(), page.department().trendComplaints(),
                page.department().trendCommendations()));
        addAsOf(model, view);
        return "department";
    }

    /** Checkpoints are published as they are recorded; the list has no past view. */
    private PublishedCheckpoints allCheckpoints() {
        return views.at(null).queries().query(new FindCheckpoints(), PublishedCheckpoints.class).join();
    }

    /**
     * A past view says so, and its pages link to the same instant; the picker shows the instant in the organisation's
     * time zone, which is how the browser sends it back.
     */
    private void addAsOf(Model model, AsOfViews.ReadSide view) {
        model.addAttribute("asOf", view.asOf());
        model.addAttribute("asOfLocal", view.asOfLocal());
        model.addAttribute("zone", organisationClock.getZone());
    }

    /** The live board is kept ({@link LiveBoard}); a past view is computed by its own read side. */
    private PublicBoard board(AsOfViews.ReadSide view) {
        return view.asOf() == null ? liveBoard.board() : view.queries().query(new FindPublicBoard(), PublicBoard.class).join();
    }

    @ExceptionHandler(BoardNotReadyException.class)
    ResponseEntity<ProblemDetail> notReady(BoardNotReadyException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, exception.getMessage());
        problem.setTitle("Board not ready");
        problem.setProperty("rule", "board.not-ready");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static PublicBoard.DepartmentPage departmentOrNotFound(AsOfViews.ReadSide view, String departmentId) {
        return view.queries().query(new FindDepartmentBoard(departmentId), ResponseTypes.optionalInstanceOf(PublicBoard.DepartmentPage.class))
                .join()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No department '" + departmentId + "' on the board."));
    }

    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static ResponseEntity<String> csv(String fileName, String[] columns, Rows rows) throws IOException {
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180.builder().setHeader(columns).get())) {
            rows.print(printer);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + Objects.requireNonNull(fileName) + "\"")
                .body(csv.toString());
    }
}
