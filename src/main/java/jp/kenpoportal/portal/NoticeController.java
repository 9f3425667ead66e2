package jp.kenpoportal.portal;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.signin.SignedInAccount;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** お知らせ: all current notices for the member, and one notice, which then counts as read. */
@Controller
class NoticeController {

	private final Notices notices;

	private final SignedInAccount signedIn;

	private final SignedInReader reader;

	NoticeController(Notices notices, SignedInAccount signedIn, SignedInReader reader) {
		this.notices = notices;
		this.signedIn = signedIn;
		this.reader = reader;
	}

	@GetMapping("/notices")
	String list(Model model) {
		Account account = signedIn.require();
		model.addAttribute("notices", notices.current(account.kenpoId(), account.id(), reader.require(), 200));
		return "notices/list";
	}

	@GetMapping("/notices/{id}")
	String show(@PathVariable long id, Model model) {
		Account account = signedIn.require();
		Notice notice = notices.find(account.kenpoId(), account.id(), reader.require(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		notices.markRead(account.id(), id);
		model.addAttribute("notice", notice);
		return "notices/show";
	}
}
