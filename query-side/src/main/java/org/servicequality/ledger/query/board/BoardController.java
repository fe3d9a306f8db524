package org.servicequality.ledger.query.board;

import org.axonframework.queryhandling.QueryGateway;
import org.servicequality.ledger.api.board.FindPublicBoard;
import org.servicequality.ledger.api.board.PublicBoard;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The public disclosure board, open to everyone without login, as JSON and as a web page. */
@Controller
class BoardController {

    private final QueryGateway queries;

    BoardController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping(path = "/api/board", produces = "application/json")
    @ResponseBody
    PublicBoard board() {
        return currentBoard();
    }

    @GetMapping(path = "/", produces = "text/html")
    String page(Model model) {
        model.addAttribute("board", currentBoard());
        return "board";
    }

    private PublicBoard currentBoard() {
        return queries.query(new FindPublicBoard(), PublicBoard.class).join();
    }
}
