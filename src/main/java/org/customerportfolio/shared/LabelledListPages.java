package org.customerportfolio.shared;

import java.security.Principal;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page every configurable list (business types, service categories) shares: the
 * entries with their labels, order and whether they are in use, and a form to add one.
 * Subclasses say which list and map the path.
 */
public abstract class LabelledListPages {

	/** The message keys and path of one list's page. */
	public record Texts(String basePath, String title, String help, String add, String added, String saved) {
	}

	protected abstract Texts texts();

	protected abstract List<?> items();

	protected abstract void add(String code, String labelNl, String labelEn, String actor);

	protected abstract void update(long id, long version, String labelNl, String labelEn, int position, boolean active,
			String actor);

	@GetMapping
	String list(Model model) {
		Texts texts = texts();
		model.addAttribute("items", items());
		model.addAttribute("listTitle", texts.title());
		model.addAttribute("listHelp", texts.help());
		model.addAttribute("addTitle", texts.add());
		model.addAttribute("basePath", texts.basePath());
		return "labelled-list";
	}

	@PostMapping
	String addEntry(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String labelNl,
			@RequestParam(defaultValue = "") String labelEn, Principal user, RedirectAttributes redirect) {
		return act(redirect, texts().added(), () -> add(code, labelNl, labelEn, user.getName()));
	}

	@PostMapping("/{id}")
	String updateEntry(@PathVariable long id, @RequestParam long version,
			@RequestParam(defaultValue = "") String labelNl, @RequestParam(defaultValue = "") String labelEn,
			@RequestParam int position, @RequestParam(required = false) @Nullable Boolean active, Principal user,
			RedirectAttributes redirect) {
		return act(redirect, texts().saved(),
				() -> update(id, version, labelNl, labelEn, position, Boolean.TRUE.equals(active), user.getName()));
	}

	private String act(RedirectAttributes redirect, String success, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("message", success);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.violations().get(0).code());
			redirect.addFlashAttribute("errorArguments", ex.violations().get(0).arguments());
		}
		catch (EditConflictException ex) {
			redirect.addFlashAttribute("error", "edit.conflict.list");
		}
		return "redirect:" + texts().basePath();
	}

}
