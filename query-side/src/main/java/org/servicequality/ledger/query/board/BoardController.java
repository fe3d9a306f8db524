package org.servicequality.ledger.query.board;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.servicequality.ledger.api.board.FindDepartmentBoard;
import org.servicequality.ledger.api.board.FindPublicBoard;
import org.servicequality.ledger.api.board.PublicBoard;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.io.StringWriter;

/**
 * The public disclosure board, open to everyone without login: a web page per language, JSON and CSV.
 * Nothing here can show a complainant's personal data: the read model never holds it.
 */
@Controller
class BoardController {

    /** Column order of the CSV download; documented in docs/open-data.md. */
    static final String[] CSV_COLUMNS = {"department_id", "name_zh", "name_en", "kind", "period",
            "filed_this_month", "replied_this_month", "resolved_this_month", "filed_total", "replied_total", "resolved_total"};

    private final QueryGateway queries;

    BoardController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping(path = "/api/board", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    PublicBoard board() {
        return currentBoard();
    }

    @GetMapping(path = "/api/board/departments/{departmentId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    PublicBoard.DepartmentRow department(@PathVariable String departmentId) {
        return departmentOrNotFound(departmentId);
    }

    @GetMapping(path = "/api/board.csv", produces = "text/csv")
    ResponseEntity<String> boardCsv() throws IOException {
        PublicBoard board = currentBoard();
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS).get())) {
            for (PublicBoard.DepartmentRow row : board.departments()) {
                printer.printRecord(row.departmentId(), row.nameZh(), row.nameEn(), row.kind(), board.period(),
                        row.thisMonth().filed(), row.thisMonth().replied(), row.thisMonth().resolved(),
                        row.total().filed(), row.total().replied(), row.total().resolved());
            }
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"board-" + board.period() + ".csv\"")
                .body(csv.toString());
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    String page(Model model) {
        model.addAttribute("board", currentBoard());
        return "board";
    }

    @GetMapping(path = "/departments/{departmentId}", produces = MediaType.TEXT_HTML_VALUE)
    String departmentPage(@PathVariable String departmentId, Model model) {
        model.addAttribute("department", departmentOrNotFound(departmentId));
        model.addAttribute("period", currentBoard().period());
        return "department";
    }

    private PublicBoard currentBoard() {
        return queries.query(new FindPublicBoard(), PublicBoard.class).join();
    }

    private PublicBoard.DepartmentRow departmentOrNotFound(String departmentId) {
        return queries.query(new FindDepartmentBoard(departmentId), ResponseTypes.optionalInstanceOf(PublicBoard.DepartmentRow.class))
                .join()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No department '" + departmentId + "' on the board."));
    }
}
